using System.Globalization;

namespace IaptLearning.Web.Components.Shared;

/// <summary>Which boxes of an NHS.UK date input to mark as in error.</summary>
[Flags]
public enum DateParts
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>The outcome of reading a day, month and year typed into an NHS.UK date input.</summary>
public sealed record DateInputResult(DateOnly? Value, string? Error, DateParts ErrorParts)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Reads the three boxes of an NHS.UK date input with the design system's messages ("Due date must
/// include a month", "Due date must be a real date"), then checks the range it must fall in.
/// </summary>
public static class DateInput
{
    /// <summary>The due date of an assignment: a real date, today or later, at most 3 years ahead.</summary>
    public static DateInputResult DueDate(string? day, string? month, string? year, DateOnly today)
    {
        var read = Read("Due date", day, month, year, required: true);
        if (!read.IsValid || read.Value is not { } date)
        {
            return read;
        }

        if (date < today)
        {
            return new(null, "Due date must be today or in the future", DateParts.All);
        }

        var latest = today.AddYears(3);
        return date > latest
            ? new(null, $"Due date must be within 3 years, on or before {UkTime.Date(latest)}", DateParts.All)
            : read;
    }

    /// <summary>An optional end date (of an exemption): empty is fine; otherwise a real date after today.</summary>
    public static DateInputResult OptionalFutureDate(string label, string? day, string? month, string? year, DateOnly today)
    {
        var read = Read(label, day, month, year, required: false);
        if (!read.IsValid || read.Value is not { } date)
        {
            return read;
        }

        return date <= today ? new(null, $"{label} must be in the future", DateParts.All) : read;
    }

    /// <summary>Reads the three boxes; <paramref name="label"/> starts every message ("Due date must include a year").</summary>
    public static DateInputResult Read(string label, string? day, string? month, string? year, bool required)
    {
        ArgumentNullException.ThrowIfNull(label);
        day = day?.Trim();
        month = month?.Trim();
        year = year?.Trim();
        var missing = (string.IsNullOrEmpty(day) ? DateParts.Day : DateParts.None)
            | (string.IsNullOrEmpty(month) ? DateParts.Month : DateParts.None)
            | (string.IsNullOrEmpty(year) ? DateParts.Year : DateParts.None);
        if (missing == DateParts.All)
        {
            return required ? new(null, $"Enter the {label.ToLowerInvariant()}", DateParts.All) : new(null, null, DateParts.None);
        }

        if (missing != DateParts.None)
        {
            return new(null, $"{label} must include {MissingText(missing)}", missing);
        }

        var badParts = (IsNumber(day!, 2) ? DateParts.None : DateParts.Day)
            | (IsNumber(month!, 2) ? DateParts.None : DateParts.Month)
            | (IsNumber(year!, 4) ? DateParts.None : DateParts.Year);
        if (badParts == DateParts.None && year!.Length != 4)
        {
            return new(null, "Year must include 4 numbers", DateParts.Year);
        }

        if (badParts != DateParts.None)
        {
            return new(null, $"{label} must be a real date", badParts);
        }

        var d = int.Parse(day!, NumberStyles.None, CultureInfo.InvariantCulture);
        var m = int.Parse(month!, NumberStyles.None, CultureInfo.InvariantCulture);
        var y = int.Parse(year!, NumberStyles.None, CultureInfo.InvariantCulture);
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return new(null, $"{label} must be a real date", m is < 1 or > 12 ? DateParts.Month : DateParts.Day);
        }

        return new(new DateOnly(y, m, d), null, DateParts.None);
    }

    private static readonly string[] LinkDateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];

    /// <summary>
    /// An optional date filter from a query string. A form sends its NHS.UK date input's three boxes
    /// ("<paramref name="id"/>-day", "-month", "-year"); a link carries one value ("2026-03-27", or "27/3/2026" as
    /// typed by hand). The boxes win when any is filled in. A bad value gives null and an error linked to its box.
    /// </summary>
    public static DateOnly? ReadFilter(string id, string label, string? linkValue, string? day, string? month, string? year, out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(id);
        error = null;
        DateOnly date;
        if (!string.IsNullOrWhiteSpace(day) || !string.IsNullOrWhiteSpace(month) || !string.IsNullOrWhiteSpace(year))
        {
            var read = Read(label, day, month, year, required: false);
            if (read.Error is not null)
            {
                error = new FieldError(FirstInputId(id, read.ErrorParts), read.Error);
                return null;
            }

            date = read.Value!.Value;
        }
        else if (string.IsNullOrWhiteSpace(linkValue))
        {
            return null;
        }
        else if (!DateOnly.TryParseExact(linkValue.Trim(), LinkDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = new FieldError(FirstInputId(id, DateParts.All), $"{label} must be a real date, for example 27 3 2026");
            return null;
        }

        if (date.Year is >= 1900 and <= 2200)
        {
            return date;
        }

        error = new FieldError(FirstInputId(id, DateParts.Year), $"{label} must be between the years 1900 and 2200");
        return null;
    }

    /// <summary>The box an error summary links to for an NHS.UK date input: the first one in error, else the day.</summary>
    public static string FirstInputId(string id, DateParts errorParts) =>
        id + (errorParts.HasFlag(DateParts.Day) || errorParts == DateParts.None ? "-day"
            : errorParts.HasFlag(DateParts.Month) ? "-month" : "-year");

    private static bool IsNumber(string text, int maxLength) =>
        text.Length <= maxLength && text.All(char.IsAsciiDigit);

    private static string MissingText(DateParts missing) => missing switch
    {
        DateParts.Day => "a day",
        DateParts.Month => "a month",
        DateParts.Year => "a year",
        DateParts.Day | DateParts.Month => "a day and month",
        DateParts.Day | DateParts.Year => "a day and year",
        _ => "a month and year",
    };
}
