using System.Globalization;

namespace IaptLearning.Web;

/// <summary>
/// Query values as typed by anyone: a page binds them as text and parses them here, because
/// Blazor's own binding of <c>int?</c> or <c>bool</c> throws (a 500) on <c>?page=abc</c> or
/// <c>?page=99999999999</c>. A value that does not parse is read as absent.
/// </summary>
public static class QueryValues
{
    public static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    public static long? LongNumber(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    public static bool Flag(string? value) =>
        bool.TryParse(value, out var parsed) && parsed;
}
