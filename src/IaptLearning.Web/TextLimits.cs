namespace IaptLearning.Web;

/// <summary>Text cut to fit a column's maximum length.</summary>
internal static class TextLimits
{
    /// <summary>
    /// <paramref name="text"/> if it has at most <paramref name="length"/> characters, else its first
    /// <paramref name="length"/> characters; with <paramref name="ellipsis"/>, the last of those is "…".
    /// </summary>
    internal static string Truncate(string text, int length, bool ellipsis = false) =>
        text.Length <= length ? text
        : ellipsis ? text[..(length - 1)] + "…"
        : text[..length];
}
