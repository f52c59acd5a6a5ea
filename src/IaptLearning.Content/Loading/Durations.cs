using System.Globalization;
using System.Text.RegularExpressions;

namespace IaptLearning.Content.Loading;

/// <summary>Durations as authors write them: <c>90s</c>, <c>4m</c>, <c>1h</c>, <c>1h30m</c>, <c>2m30s</c>.</summary>
public static partial class Durations
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return false;
        }

        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        long seconds = 0;
        seconds += Part(match.Groups["h"]) * 3600;
        seconds += Part(match.Groups["m"]) * 60;
        seconds += Part(match.Groups["s"]);
        if (seconds > Longest.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;

        static long Part(Group g) =>
            g.Success && long.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? Math.Min(v, 1_000_000) : 0;
    }

    /// <summary>Formats a duration the way authors write it (<c>1h30m</c>, <c>2m30s</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        var total = (long)duration.TotalSeconds;
        var h = total / 3600;
        var m = total % 3600 / 60;
        var s = total % 60;
        var text = (h > 0 ? $"{h}h" : "") + (m > 0 ? $"{m}m" : "") + (s > 0 ? $"{s}s" : "");
        return text.Length == 0 ? "0s" : text;
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,6})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
