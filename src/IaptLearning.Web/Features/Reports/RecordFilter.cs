using System.Globalization;
using System.Text;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Records;
using Microsoft.Extensions.Primitives;

namespace IaptLearning.Web.Features.Reports;

/// <summary>The columns the records table sorts by.</summary>
public enum RecordSort
{
    Name,
    Team,
    JobRole,
    Module,
    Status,
    Due,
    Completed,
    Score,
}

/// <summary>
/// What a manager asked the records table (and its CSV) for, read from the query string so a
/// filtered view is a shareable address. A bad value is reported and ignored, never an error page.
/// </summary>
public sealed record RecordFilter
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 100;

    public int? TeamId { get; init; }
    public int? ServiceId { get; init; }
    public JobRole? JobRole { get; init; }
    public string? Module { get; init; }
    public RecordStatus? Status { get; init; }

    /// <summary>UK dates, both inclusive.</summary>
    public DateOnly? DueFrom { get; init; }
    public DateOnly? DueTo { get; init; }

    public string? Search { get; init; }
    public RecordSort Sort { get; init; } = RecordSort.Name;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;

    public static readonly IReadOnlyDictionary<string, RecordSort> SortNames = new Dictionary<string, RecordSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = RecordSort.Name,
        ["team"] = RecordSort.Team,
        ["role"] = RecordSort.JobRole,
        ["module"] = RecordSort.Module,
        ["status"] = RecordSort.Status,
        ["due"] = RecordSort.Due,
        ["completed"] = RecordSort.Completed,
        ["score"] = RecordSort.Score,
    };

    public static readonly IReadOnlyDictionary<string, RecordStatus> StatusNames = new Dictionary<string, RecordStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["not-started"] = RecordStatus.NotStarted,
        ["in-progress"] = RecordStatus.InProgress,
        ["completed"] = RecordStatus.Completed,
        ["overdue"] = RecordStatus.Overdue,
    };

    public static string SortName(RecordSort sort) => SortNames.First(p => p.Value == sort).Key;

    public static string StatusName(RecordStatus status) => StatusNames.First(p => p.Value == status).Key;

    /// <summary>Reads a query string; each bad value is left out of the filter and explained in the errors.</summary>
    public static (RecordFilter Filter, IReadOnlyList<FieldError> Errors) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in query)
        {
            var text = value.ToString().Trim();
            if (text.Length > 0)
            {
                values[key] = text;
            }
        }

        var errors = new List<FieldError>();
        var filter = new RecordFilter
        {
            TeamId = Id(values, "team", "Team", errors),
            ServiceId = Id(values, "service", "Service", errors),
            JobRole = Role(values, errors),
            Module = ModuleSlug(values, errors),
            Status = Lookup(values, "status", StatusNames, "Choose a status from the list", errors),
            DueFrom = Date(values, "duefrom", "The earliest due date", errors),
            DueTo = Date(values, "dueto", "The latest due date", errors),
            Search = SearchTerm(values, errors),
            Sort = Lookup(values, "sort", SortNames, "Sort by one of the column headings", errors) ?? RecordSort.Name,
            Descending = Direction(values, errors),
            Page = PageNumber(values, errors),
        };
        if (filter is { DueFrom: { } from, DueTo: { } to } && from > to)
        {
            errors.Add(new FieldError("dueto-day", "The latest due date must be the same as or after the earliest due date"));
            filter = filter with { DueTo = null };
        }

        return (filter, errors);
    }

    /// <summary>The query string for this filter ("?team=3&amp;sort=due"), leaving out defaults; the CSV link leaves out the page.</summary>
    public string ToQueryString(bool withPaging = true)
    {
        var parts = new List<(string, string)>();
        Add(parts, "team", TeamId?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "service", ServiceId?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "role", JobRole?.ToString());
        Add(parts, "module", Module);
        Add(parts, "status", Status is { } s ? StatusName(s) : null);
        Add(parts, "duefrom", DueFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "dueto", DueTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "q", Search);
        Add(parts, "sort", Sort == RecordSort.Name ? null : SortName(Sort));
        Add(parts, "dir", Descending ? "desc" : null);
        if (withPaging)
        {
            Add(parts, "page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        }

        if (parts.Count == 0)
        {
            return "";
        }

        var query = new StringBuilder();
        foreach (var (key, value) in parts)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }

    /// <summary>The filters only (for the audit log): no sort or paging.</summary>
    public object AuditDetails() => new
    {
        team = TeamId,
        service = ServiceId,
        role = JobRole?.ToString(),
        module = Module,
        status = Status is { } s ? StatusName(s) : null,
        dueFrom = DueFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        dueTo = DueTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        search = Search,
    };

    private static void Add(List<(string, string)> parts, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add((key, value));
        }
    }

    private static int? Id(Dictionary<string, string> values, string key, string label, List<FieldError> errors)
    {
        if (!values.TryGetValue(key, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        errors.Add(new FieldError(key, $"{label} must be chosen from the list"));
        return null;
    }

    private static JobRole? Role(Dictionary<string, string> values, List<FieldError> errors)
    {
        if (!values.TryGetValue("role", out var text))
        {
            return null;
        }

        // Names only: Enum.TryParse would also take "3" or "1,2".
        if (Enum.GetNames<JobRole>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<JobRole>(name);
        }

        errors.Add(new FieldError("role", "Choose a job role from the list"));
        return null;
    }

    private static string? ModuleSlug(Dictionary<string, string> values, List<FieldError> errors)
    {
        if (!values.TryGetValue("module", out var text))
        {
            return null;
        }

        if (text.Length <= 100 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return text;
        }

        errors.Add(new FieldError("module", "Choose a module from the list"));
        return null;
    }

    private static T? Lookup<T>(Dictionary<string, string> values, string key, IReadOnlyDictionary<string, T> names, string message, List<FieldError> errors)
        where T : struct
    {
        if (!values.TryGetValue(key, out var text))
        {
            return null;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(key, message));
        return null;
    }

    private static DateOnly? Date(Dictionary<string, string> values, string key, string label, List<FieldError> errors)
    {
        var date = DateInput.ReadFilter(key, label, values.GetValueOrDefault(key),
            values.GetValueOrDefault(key + "-day"), values.GetValueOrDefault(key + "-month"), values.GetValueOrDefault(key + "-year"), out var error);
        if (error is not null)
        {
            errors.Add(error);
        }

        return date;
    }

    private static string? SearchTerm(Dictionary<string, string> values, List<FieldError> errors)
    {
        if (!values.TryGetValue("q", out var text))
        {
            return null;
        }

        if (text.Length <= MaxSearchLength)
        {
            return text;
        }

        errors.Add(new FieldError("q", $"Search for a name or email of {MaxSearchLength} characters or fewer"));
        return null;
    }

    private static bool Direction(Dictionary<string, string> values, List<FieldError> errors)
    {
        if (!values.TryGetValue("dir", out var text))
        {
            return false;
        }

        if (string.Equals(text, "desc", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "asc", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(text, "desc", StringComparison.OrdinalIgnoreCase);
        }

        errors.Add(new FieldError("dir", "Sort order must be ascending or descending"));
        return false;
    }

    private static int PageNumber(Dictionary<string, string> values, List<FieldError> errors)
    {
        if (!values.TryGetValue("page", out var text))
        {
            return 1;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 1_000_000)
        {
            return page;
        }

        errors.Add(new FieldError("page", "Page must be a whole number from 1"));
        return 1;
    }
}
