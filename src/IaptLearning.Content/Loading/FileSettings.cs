using System.Collections.Immutable;
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
    bool Certificate);

internal sealed record LessonSettings(string Title, TimeSpan Duration, TimeSpan? MinTime);

internal sealed record AssessmentSettings(
    string Title,
    int PassMark,
    int? Questions,
    int? QuestionsLine,
    int? MaxAttempts,
    bool Shuffle,
    TimeSpan? Duration);

internal static class FileSchemas
{
    public static readonly string[] ModuleKeys = ["title", "summary", "version", "status", "audience", "outcomes", "cpd_minutes", "certificate"];
    public static readonly string[] LessonKeys = ["title", "duration", "min_time"];
    public static readonly string[] AssessmentKeys = ["title", "pass_mark", "questions", "max_attempts", "shuffle", "duration"];

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
        if (title is null || summary is null || version is null)
        {
            return null;
        }

        return new ModuleSettings(
            title, summary, version,
            status == "draft" ? ModuleStatus.Draft : ModuleStatus.Published,
            [.. audience ?? []], [.. outcomes ?? []], cpd, certificate ?? true);
    }

    public static LessonSettings? ReadLesson(FrontMatter fm)
    {
        fm.CheckKeys(LessonKeys, "a lesson");
        var title = fm.Text("title", required: true, maxLength: 200);
        var duration = fm.Duration("duration", required: true);
        var minTime = fm.Duration("min_time", required: false);
        if (duration is { } d && minTime is { } m && m > d)
        {
            fm.ReportInconsistent("min_time",
                $"min_time ({Durations.Format(m)}) is longer than the lesson's duration ({Durations.Format(d)}); make it no more than the duration");
            return null;
        }

        return title is null || duration is null ? null : new LessonSettings(title, duration.Value, minTime);
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
        if (passMark is null)
        {
            return null;
        }

        return new AssessmentSettings(title ?? "Final assessment", passMark.Value, questions, fm.LineOf("questions"),
            maxAttempts, shuffle ?? true, duration);
    }
}
