using System.Globalization;
using IaptLearning.Content.Loading;
using IaptLearning.Content.Model;

namespace IaptLearning.Content.Diagnostics;

/// <summary>Wording shared by several diagnostics, so the same problem reads the same wherever it is found.</summary>
internal static class DiagnosticText
{
    /// <summary>Quotes author text in a message without letting a long value swamp it.</summary>
    public static string Shorten(string s, int max = 40) => s.Length > max ? s[..max] + "…" : s;

    public static string MediaTypeNotServed(string file) =>
        $"'{file}' will not be shown to learners: {(Path.GetExtension(file) is { Length: > 0 } ext ? $"'{ext}' files" : "files without an extension")} can carry script or are not media, so the site does not serve them. "
        + $"Use one of {MediaTypes.ServedList} (for a web page, link to it on its own website instead)";

    public static string FileTooLarge(long bytes) =>
        $"file is {bytes / 1024.0 / 1024.0:0.0} MiB; the limit is 1 MiB, so split it into more lessons or move large material into media/";

    /// <summary>IAPT049: the declared duration and the estimate, with how the estimate was made.</summary>
    public static string UnderEstimate(TimeSpan duration, LessonReadability measure)
    {
        var estimate = measure.Estimate;
        var checks = measure.KnowledgeChecks switch
        {
            0 => "",
            1 => " plus 45 seconds for its knowledge check",
            var n => $" plus 45 seconds for each of its {n} knowledge checks",
        };
        var floor = TimeSpan.FromMinutes(Math.Ceiling(estimate.TotalMinutes * 0.8));
        return $"duration {Durations.Format(duration)} is under 80% of the estimate of {Durations.Format(estimate)} "
            + $"({measure.Words.ToString("N0", CultureInfo.InvariantCulture)} words at 200 words a minute{checks}); "
            + $"make the duration at least {Durations.Format(floor)}, or shorten the lesson";
    }

    /// <summary>The ways reading a file or folder can fail that are the folder's problem, not a bug.</summary>
    public static bool IsUnreadable(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or System.Security.SecurityException;
}
