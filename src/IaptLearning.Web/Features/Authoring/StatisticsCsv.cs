using System.Globalization;
using System.Text;

namespace IaptLearning.Web.Features.Authoring;

/// <summary>The statistics as CSV: one row per question, then one per lesson. No learner appears in it.</summary>
public static class StatisticsCsv
{
    private static readonly string[] Header =
    [
        "record", "id", "file", "line", "text", "attempts", "first_tries", "facility_percent", "discrimination",
        "option_counts", "flags", "completions", "median_active_minutes", "duration_minutes", "min_time_minutes",
    ];

    public static string Write(ModuleStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var csv = new StringBuilder();
        Csv.AppendRow(csv, Header);
        foreach (var q in statistics.Questions)
        {
            Csv.AppendRow(csv,
            [
                q.Place == QuestionPlace.Assessment ? "assessment question" : "knowledge check",
                q.Question.Id, q.Question.SourceFile, Number(q.Question.Line), q.Question.PromptText,
                Number(q.Attempts), Number(q.FirstTries), Decimal(q.Facility, "0.0"), Decimal(q.Discrimination, "0.00"),
                OptionCounts(q), q.Flags == QuestionWarnings.None ? "" : q.Flags.ToString(), "", "", "", "",
            ]);
        }

        foreach (var l in statistics.Lessons)
        {
            Csv.AppendRow(csv,
            [
                "lesson", l.Lesson.Slug, l.Lesson.FileName, "", l.Lesson.Title, "", "", "", "", "", "",
                Number(l.Completions), Decimal(l.MedianActiveTime?.TotalMinutes, "0.0"),
                Decimal(l.Lesson.Duration.TotalMinutes, "0.0"), Decimal(l.Lesson.MinTime?.TotalMinutes, "0.0"),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>"A: 3 (correct); B: 1".</summary>
    public static string OptionCounts(QuestionStat stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        return string.Join("; ", stat.Question.Options.Select(o =>
            $"{Letter(o.Index)}: {stat.OptionCounts[o.Index].ToString(CultureInfo.InvariantCulture)}{(o.IsCorrect ? " (correct)" : "")}"));
    }

    public static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
