using System.Globalization;
using System.Security.Claims;

namespace IaptLearning.Web.Components.Shared;

/// <summary>Times are stored in UTC and shown as UK dates in Europe/London.</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToLondon(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>The date in the UK at this instant.</summary>
    public static DateOnly Today(DateTime utc) => DateOnly.FromDateTime(ToLondon(utc));

    /// <summary>The instant a UK date ends (midnight at the start of the next day, UK time), as UTC.</summary>
    public static DateTime EndOfDayUtc(DateOnly date)
    {
        var nextMidnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(nextMidnight, London);
    }

    /// <summary>
    /// The UK date that ends at this instant, the inverse of <see cref="EndOfDayUtc"/>: due dates are
    /// stored as the instant their day ends, so one tick earlier is still that day.
    /// </summary>
    public static DateOnly DayEndingAt(DateTime endOfDayUtc) => Today(endOfDayUtc.AddTicks(-1));

    /// <summary>"5 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>"5 March 2026".</summary>
    public static string Date(DateTime utc) => ToLondon(utc).ToString("d MMMM yyyy", EnGb);

    /// <summary>"5 March 2026 at 2:05pm".</summary>
    public static string DateAndTime(DateTime utc)
    {
        var local = ToLondon(utc);
        return local.ToString("d MMMM yyyy", EnGb) + " at " + local.ToString("h:mm", EnGb) + (local.Hour < 12 ? "am" : "pm");
    }

    /// <summary>
    /// "1 hour 5 minutes", "2 minutes 30 seconds": exactly as written, to the second (a part second
    /// counts as a second), so the parts shown add up to the total shown. The one place a duration
    /// becomes words; anything rounded is rounded by its caller first.
    /// </summary>
    public static string Duration(TimeSpan span)
    {
        var total = (long)Math.Ceiling(span.TotalSeconds - 0.0001);
        if (total <= 0)
        {
            return "0 seconds";
        }

        var parts = new List<string>(3);
        Part(total / 3600, "hour");
        Part(total % 3600 / 60, "minute");
        Part(total % 60, "second");
        return string.Join(' ', parts);

        void Part(long count, string unit)
        {
            if (count > 0)
            {
                parts.Add(count == 1 ? $"1 {unit}" : $"{count} {unit}s");
            }
        }
    }

    /// <summary>Time spent, rounded down: "3 minutes", "less than a minute".</summary>
    public static string Spent(TimeSpan span) => span < TimeSpan.FromMinutes(1) ? "less than a minute" : Duration(TimeSpan.FromMinutes(Math.Floor(span.TotalMinutes)));
}

public static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.NameIdentifier);
}
