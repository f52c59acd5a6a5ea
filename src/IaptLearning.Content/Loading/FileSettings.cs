using System.Collections.Immutable;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Markdown.Extensions.Questions;
using IaptLearning.Content.Model;

namespace IaptLearning.Content.Loading;

internal enum FileKind
{
    Module,
    Lesson,
    Assessment,
}

internal sealed record ModuleSettings(
    string Title,
    string Summary,
    string Version,
    ModuleStatus Status,
    ImmutableArray<string> Audience,
    ImmutableArray<string> Outcomes,
    int? CpdMinutes,
    bool Certificate)
{
    public ContentReview? Reviewed { get; init; }

    /// <summary>The line of <c>reviewed.on</c>, for the check that it is not after today.</summary>
    public int ReviewedOnLine { get; init; }

    public Located<DateOnly>? ReviewDue { get; init; }
    public RecertifyRule? Recertify { get; init; }
    public int RecertifyBelowLine { get; init; }
    public int VersionLine { get; init; }
}

internal sealed record LessonSettings(string Title, TimeSpan Duration, TimeSpan? MinTime)
{
    public ImmutableArray<string> Audiences { get; init; } = [];
    public int DurationLine { get; init; }
}

internal sealed record AssessmentSettings(
    string Title,
    int PassMark,
    int? Questions,
    int? QuestionsLine,
    int? MaxAttempts,
    bool Shuffle,
    TimeSpan? Duration)
{
    public ImmutableArray<DrawRule> Draw { get; init; } = [];
}

internal static class FileSchemas
{
    public static readonly string[] ModuleKeys = ["title", "summary", "version", "status", "audience", "outcomes", "cpd_minutes", "certificate", "reviewed", "review_due", "recertify"];
    public static readonly string[] LessonKeys = ["title", "duration", "min_time", "audience"];
    public static readonly string[] AssessmentKeys = ["title", "pass_mark", "questions", "max_attempts", "shuffle", "duration", "draw"];
    private static readonly string[] ReviewedKeys = ["by", "on"];
    private static readonly string[] RecertifyKeys = ["below", "within_days", "reason"];
    private static readonly string[] DrawKeys = ["tag", "count", "audience"];
    private static readonly string[] DrawRequired = ["tag", "count"];

    public static ModuleSettings? ReadModule(FrontMatter fm)
    {
        fm.CheckKeys(ModuleKeys, "module.md");
        var title = fm.Text("title", required: true, maxLength: 120);
        var summary = fm.Text("summary", required: true, maxLength: 300);
        var version = fm.Version("version");
        var status = fm.Choice("status", ["published", "draft"]);
        var audience = fm.TextList("audience", 200);
        var outcomes = fm.TextList("outcomes", 300);
        var cpd = fm.WholeNumber("cpd_minutes", required: false, 1, 6000, "minutes");
        var certificate = fm.Boolean("certificate");
        var reviewed = fm.ReadGroup("reviewed", ReviewedKeys, ReviewedKeys);
        var by = reviewed?.Text("by", 200);
        var on = reviewed?.Date("on");
        var reviewDue = fm.Date("review_due");
        var recertify = fm.ReadGroup("recertify", RecertifyKeys, RecertifyKeys);
        var below = recertify?.Version("below");
        var within = recertify?.WholeNumber("within_days", 1);
        var reason = recertify?.Text("reason", 300);
        if (title is null || summary is null || version is null
            || (reviewed is not null && (by is null || on is null))
            || (recertify is not null && (below is null || within is null || reason is null))
            || (fm.Has("reviewed") && reviewed is null) || (fm.Has("recertify") && recertify is null)
            || (fm.Has("review_due") && reviewDue is null))
        {
            return null;
        }

        return new ModuleSettings(
            title, summary, version,
            status == "draft" ? ModuleStatus.Draft : ModuleStatus.Published,
            [.. audience ?? []], [.. outcomes ?? []], cpd, certificate ?? true)
        {
            Reviewed = on is null ? null : new ContentReview(by!, on.Value),
            ReviewedOnLine = reviewed?.LineOf("on") ?? 0,
            ReviewDue = reviewDue,
            Recertify = below is null ? null : new RecertifyRule(below, within!.Value, reason!),
            RecertifyBelowLine = recertify?.LineOf("below") ?? 0,
            VersionLine = fm.LineOf("version") ?? 1,
        };
    }

    public static LessonSettings? ReadLesson(FrontMatter fm)
    {
        fm.CheckKeys(LessonKeys, "a lesson");
        var title = fm.Text("title", required: true, maxLength: 200);
        var duration = fm.Duration("duration", required: true);
        var minTime = fm.Duration("min_time", required: false);
        var audiences = fm.AudienceList("audience");
        if (fm.Has("audience") && audiences is null)
        {
            return null;
        }
        if (duration is { } d && minTime is { } m && m > d)
        {
            fm.ReportInconsistent("min_time",
                $"min_time ({Durations.Format(m)}) is longer than the lesson's duration ({Durations.Format(d)}); make it no more than the duration");
            return null;
        }

        return title is null || duration is null ? null : new LessonSettings(title, duration.Value, minTime)
        {
            Audiences = [.. audiences ?? []],
            DurationLine = fm.LineOf("duration") ?? 1,
        };
    }

    public static AssessmentSettings? ReadAssessment(FrontMatter fm)
    {
        fm.CheckKeys(AssessmentKeys, "assessment.md");
        var title = fm.Text("title", required: false, maxLength: 200);
        var passMark = fm.WholeNumber("pass_mark", required: true, 1, 100, "percent");
        var questions = fm.WholeNumber("questions", required: false, 1, 10_000, "questions");
        var maxAttempts = fm.WholeNumber("max_attempts", required: false, 1, 1_000, "attempts");
        var shuffle = fm.Boolean("shuffle");
        var duration = fm.Duration("duration", required: false);
        var draw = ReadDraw(fm);
        if (passMark is null || draw is null)
        {
            return null;
        }

        return new AssessmentSettings(title ?? "Final assessment", passMark.Value, questions, fm.LineOf("questions"),
            maxAttempts, shuffle ?? true, duration)
        {
            Draw = draw.Value,
        };
    }

    /// <summary>The draw rules (none when the key is absent), or null when any rule is bad.</summary>
    private static ImmutableArray<DrawRule>? ReadDraw(FrontMatter fm)
    {
        var items = fm.ReadGroupList("draw", DrawKeys, DrawRequired, "{ tag: safety, count: 2 }");
        if (items is null)
        {
            return fm.Has("draw") ? null : [];
        }

        var rules = ImmutableArray.CreateBuilder<DrawRule>();
        var ok = true;
        foreach (var item in items)
        {
            if (item is null)
            {
                ok = false;
                continue;
            }

            var tag = item.Text("tag", 80)?.TrimStart('#');
            if (tag is not null && !QuestionHeader.IsTag(tag))
            {
                fm.ReportAt(DiagnosticCodes.InvalidTag, item.LineOf("tag"), item.Values["tag"].Column,
                    $"draw rule tag '{DiagnosticText.Shorten(tag)}' must be a slug: lower-case letters, digits and single hyphens, such as 'safety'");
                tag = null;
            }

            var count = item.WholeNumber("count", 1);
            string? audience = null;
            var audienceOk = true;
            if (item.Values.TryGetValue("audience", out var audienceValue))
            {
                audience = item.Text("audience", 40);
                audienceOk = audience is not null
                    && FrontMatter.CheckAudience(audience, audienceValue.Line, audienceValue.Column, fm.Bag);
            }

            if (tag is null || count is null || !audienceOk)
            {
                ok = false;
                continue;
            }

            rules.Add(new DrawRule(tag, count.Value, audience, item.Line));
        }

        return ok ? rules.ToImmutable() : null;
    }
}
