using System.Globalization;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Model;

namespace IaptLearning.Content.Loading;

/// <summary>
/// Version 2 checks that need a whole file's or module's parts together: draw rules against the
/// bank, the review dates against today and the version, and the longest-answer pattern.
/// Not cached with the files, because "today" moves.
/// </summary>
internal static class ModuleRules
{
    public static void Check(ModuleSnapshot snapshot, IEnumerable<string> markdownFiles, DateOnly today, Func<string, DiagnosticBag> bagFor)
    {
        var files = markdownFiles.Where(snapshot.Results.ContainsKey).Select(f => snapshot.Results[f]).ToList();
        if (snapshot.Results.TryGetValue("assessment.md", out var assessment) && assessment.Assessment is { } settings && !assessment.HasErrors)
        {
            CheckDraw(settings, assessment, bagFor("assessment.md"));
        }

        if (snapshot.Results.TryGetValue("module.md", out var module) && module.Module is { } moduleSettings)
        {
            CheckReview(moduleSettings, today, bagFor("module.md"));
            CheckLongestAnswers(files, bagFor("module.md"));
        }
    }

    private static void CheckDraw(AssessmentSettings settings, FileResult assessment, DiagnosticBag bag)
    {
        var bank = assessment.Questions;
        foreach (var rule in settings.Draw)
        {
            var carrying = bank.Count(q => q.Tags.Contains(rule.Tag));
            if (carrying == 0)
            {
                var known = bank.SelectMany(q => q.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
                bag.Error(DiagnosticCodes.DrawRuleCannotBeMet, rule.Line, 1,
                    $"no question in the bank carries the tag '#{rule.Tag}'; tag questions with '::: question some-id #{rule.Tag}'"
                    + (known.Count > 0 ? $" (the bank's tags are {string.Join(", ", known.Select(t => "#" + t))})" : ""));
            }
            else if (carrying < rule.Count)
            {
                bag.Error(DiagnosticCodes.DrawRuleCannotBeMet, rule.Line, 1,
                    $"the rule asks for {rule.Count} questions tagged '#{rule.Tag}' but only {carrying} in the bank carr{(carrying == 1 ? "ies" : "y")} it; lower 'count' or tag more questions");
            }
        }

        var limit = settings.Questions ?? bank.Length;
        var limitName = settings.Questions is null ? $"the bank's {bank.Length} questions" : $"'questions' ({limit})";
        var reported = new HashSet<int>();
        foreach (var audience in Audiences.All)
        {
            var sum = 0;
            foreach (var rule in settings.Draw.Where(r => r.AppliesTo(audience)))
            {
                sum += rule.Count;
                if (sum > limit && reported.Add(rule.Line))
                {
                    var who = settings.Draw.Any(r => r.Audience is not null) ? $" for {audience}" : "";
                    bag.Error(DiagnosticCodes.DrawRuleCannotBeMet, rule.Line, 1,
                        $"the draw rules{who} ask for {sum} questions by this line, more than {limitName}; lower the counts or raise 'questions'");
                }
            }
        }
    }

    private static void CheckReview(ModuleSettings settings, DateOnly today, DiagnosticBag bag)
    {
        if (settings.Reviewed is { } reviewed && reviewed.On > today)
        {
            bag.Error(DiagnosticCodes.ReviewDatesInconsistent, settings.ReviewedOnLine, 1,
                $"'reviewed.on' is {Iso(reviewed.On)}, which is after today; give the date the content was signed off");
        }

        if (settings.ReviewDue is { } due && settings.Reviewed is { } r && due.Value < r.On)
        {
            bag.Error(DiagnosticCodes.ReviewDatesInconsistent, due.Line, due.Column,
                $"'review_due' ({Iso(due.Value)}) is before 'reviewed.on' ({Iso(r.On)}); the next review falls after the last one");
        }

        if (settings.Recertify is { } recertify && CompareVersions(recertify.Below, settings.Version) > 0)
        {
            bag.Error(DiagnosticCodes.ReviewDatesInconsistent, settings.RecertifyBelowLine, 1,
                $"'recertify.below' is {recertify.Below}, above the module's version {settings.Version}; "
                + "it names the first version whose completions still count, so it cannot be later than this one");
        }

        if (settings.Status != ModuleStatus.Published)
        {
            return;
        }

        if (settings.Reviewed is null)
        {
            bag.Warning(DiagnosticCodes.NotReviewed, null, null,
                "published module has no 'reviewed': add 'reviewed: { by: \"name, role\", on: YYYY-MM-DD }' once a clinical reviewer has signed it off");
        }

        if (settings.ReviewDue is { } overdue && overdue.Value < today)
        {
            bag.Warning(DiagnosticCodes.ReviewOverdue, overdue.Line, overdue.Column,
                $"review was due on {Iso(overdue.Value)}; have the content reviewed again, then update 'reviewed' and 'review_due'");
        }
    }

    private static void CheckLongestAnswers(List<FileResult> files, DiagnosticBag bag)
    {
        var single = files.Where(f => f.Kind != FileKind.Module).SelectMany(f => f.Questions).Where(q => q.Kind == QuestionKind.SingleAnswer).ToList();
        var longest = single.Count(IsCorrectLongest);
        if (single.Count > 0 && longest * 2 > single.Count)
        {
            bag.Warning(DiagnosticCodes.LongestAnswerIsCorrect, null, null,
                $"in {longest} of {single.Count} single-answer questions the correct option is clearly the longest, so learners can pass by picking the longest answer; "
                + "shorten correct options or give wrong ones as much detail");
        }
    }

    /// <summary>The correct option's text has at least 1.2 times the characters of every other option's.</summary>
    internal static bool IsCorrectLongest(Question question)
    {
        var correct = question.Options.Single(o => o.IsCorrect);
        return question.Options.Where(o => !o.IsCorrect).All(o => correct.Text.Length >= 1.2 * o.Text.Length);
    }

    /// <summary>Versions compare as numbers, part by part: 10.0.0 is above 9.2.0.</summary>
    internal static int CompareVersions(string a, string b)
    {
        var x = a.Split('.').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var y = b.Split('.').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
