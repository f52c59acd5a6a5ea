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

    /// <summary>The ways reading a file or folder can fail that are the folder's problem, not a bug.</summary>
    public static bool IsUnreadable(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or System.Security.SecurityException;
}
