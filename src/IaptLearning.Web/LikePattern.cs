namespace IaptLearning.Web;

/// <summary>
/// "Contains" patterns for SQL <c>LIKE</c> (<c>EF.Functions.Like(column, pattern, LikePattern.Escape)</c>),
/// with the user's own <c>%</c>, <c>_</c> and <c>\</c> matched literally rather than as wildcards.
/// </summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
