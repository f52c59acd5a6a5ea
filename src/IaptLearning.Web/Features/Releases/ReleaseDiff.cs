using System.Globalization;
using IaptLearning.Web.Components.Shared;

namespace IaptLearning.Web.Features.Releases;

/// <summary>One line of what a release changes, under a heading ("Lessons", "Questions", "Assessment", "Module").</summary>
public sealed record ReleaseChange(string Area, string Text);

/// <summary>What changes for learners between the release they get and a candidate: shown before publishing.</summary>
public static class ReleaseDiff
{
    public static IReadOnlyList<ReleaseChange> Between(ReleaseOutline? from, ReleaseOutline to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<ReleaseChange>();
        if (from is null)
        {
            changes.Add(new("Module", $"First release: {to.Lessons.Count} {Plural(to.Lessons.Count, "lesson")}, " +
                $"{to.Lessons.Sum(l => l.Questions.Count)} knowledge {Plural(to.Lessons.Sum(l => l.Questions.Count), "check")}" +
                (to.Assessment is { } a ? $", an assessment of {a.QuestionsPerAttempt} from {a.Bank.Count} questions" : ", no assessment") + "."));
            return changes;
        }

        Changed(changes, "Module", "Title", from.Title, to.Title);
        Changed(changes, "Module", "CPD minutes", from.CpdMinutes.ToString(CultureInfo.InvariantCulture), to.CpdMinutes.ToString(CultureInfo.InvariantCulture));
        LessonChanges(changes, from, to);
        QuestionChanges(changes, Questions(from), Questions(to));
        if (from.Assessment is { } was && to.Assessment is { } now)
        {
            Changed(changes, "Assessment", "Title", was.Title, now.Title);
            Changed(changes, "Assessment", "Pass mark", $"{was.PassMark}%", $"{now.PassMark}%");
            Changed(changes, "Assessment", "Questions per attempt", was.QuestionsPerAttempt.ToString(CultureInfo.InvariantCulture), now.QuestionsPerAttempt.ToString(CultureInfo.InvariantCulture));
            Changed(changes, "Assessment", "Attempts allowed", was.MaxAttempts?.ToString(CultureInfo.InvariantCulture) ?? "unlimited", now.MaxAttempts?.ToString(CultureInfo.InvariantCulture) ?? "unlimited");
        }
        else if (from.Assessment is not null)
        {
            changes.Add(new("Assessment", "The assessment is removed."));
        }
        else if (to.Assessment is not null)
        {
            changes.Add(new("Assessment", "An assessment is added."));
        }

        return changes;
    }

    private static void LessonChanges(List<ReleaseChange> changes, ReleaseOutline from, ReleaseOutline to)
    {
        var old = from.Lessons.ToDictionary(l => l.Slug, StringComparer.Ordinal);
        foreach (var (lesson, number) in to.Lessons.Select((l, i) => (l, i + 1)))
        {
            if (!old.TryGetValue(lesson.Slug, out var was))
            {
                changes.Add(new("Lessons", $"Added: {number}. {lesson.Title} ({UkTime.Duration(TimeSpan.FromSeconds(lesson.DurationSeconds))})."));
                continue;
            }

            var name = $"{number}. {lesson.Title}";
            Changed(changes, "Lessons", $"{name}: title", was.Title, lesson.Title);
            Changed(changes, "Lessons", $"{name}: duration", UkTime.Duration(TimeSpan.FromSeconds(was.DurationSeconds)), UkTime.Duration(TimeSpan.FromSeconds(lesson.DurationSeconds)));
            Changed(changes, "Lessons", $"{name}: minimum time", MinTime(was), MinTime(lesson));
            if (was.ContentHash != lesson.ContentHash)
            {
                changes.Add(new("Lessons", $"{name}: the text has changed."));
            }
        }

        foreach (var gone in from.Lessons.Where(l => !to.Lessons.Any(n => n.Slug == l.Slug)))
        {
            changes.Add(new("Lessons", $"Removed: {gone.Title} ('{gone.Slug}'). Learners' time on it is kept but no longer counts."));
        }
    }

    private static void QuestionChanges(List<ReleaseChange> changes, Dictionary<string, (QuestionOutline Question, string Where)> from, Dictionary<string, (QuestionOutline Question, string Where)> to)
    {
        foreach (var (id, (question, where)) in to)
        {
            if (!from.TryGetValue(id, out var was))
            {
                changes.Add(new("Questions", $"Added ({where}): {id}: {question.Prompt}"));
            }
            else if (was.Question.Hash != question.Hash)
            {
                changes.Add(new("Questions", $"Changed ({where}): {id}: {question.Prompt}"));
            }
            else if (was.Where != where)
            {
                changes.Add(new("Questions", $"Moved from {was.Where} to {where}: {id}"));
            }
        }

        foreach (var (id, (question, where)) in from.Where(q => !to.ContainsKey(q.Key)))
        {
            changes.Add(new("Questions", $"Removed ({where}): {id}: {question.Prompt}"));
        }
    }

    private static Dictionary<string, (QuestionOutline, string)> Questions(ReleaseOutline outline)
    {
        var all = new Dictionary<string, (QuestionOutline, string)>(StringComparer.Ordinal);
        foreach (var lesson in outline.Lessons)
        {
            foreach (var question in lesson.Questions)
            {
                all.TryAdd(question.Id, (question, $"knowledge check in '{lesson.Title}'"));
            }
        }

        foreach (var question in outline.Assessment?.Bank ?? [])
        {
            all.TryAdd(question.Id, (question, "assessment bank"));
        }

        return all;
    }

    private static string MinTime(LessonOutline lesson) =>
        lesson.MinTimeSeconds is { } seconds ? UkTime.Duration(TimeSpan.FromSeconds(seconds)) : "none";

    private static void Changed(List<ReleaseChange> changes, string area, string what, string was, string now)
    {
        if (!string.Equals(was, now, StringComparison.Ordinal))
        {
            changes.Add(new(area, $"{what}: '{was}' becomes '{now}'."));
        }
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
