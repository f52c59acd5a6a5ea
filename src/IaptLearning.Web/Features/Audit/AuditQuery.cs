using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Audit;

/// <summary>The audit log's filters, read from the query string; bad values are reported and ignored.</summary>
public sealed record AuditFilter(string? Action, string? Actor, string? Subject, DateOnly? From, DateOnly? To, int Page)
{
    public const int PageSize = 50;

    /// <summary>
    /// Reads the log's filters; each bad value is left out and explained, linked to its field. The dates come
    /// as an NHS.UK date input's boxes from the form ("from-day" …) or as one value from a link ("from").
    /// </summary>
    public static AuditFilter Parse(IReadOnlyDictionary<string, string?> query, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<FieldError>();
        var action = query.GetValueOrDefault("action");
        if (!string.IsNullOrEmpty(action) && !AuditActions.Names.ContainsKey(action))
        {
            problems.Add(new("action", "Choose an action from the list"));
            action = null;
        }

        var fromDate = Date(query, "from", "From date", problems);
        var toDate = Date(query, "to", "To date", problems);
        if (fromDate is { } f && toDate is { } t && f > t)
        {
            problems.Add(new("to-day", "To date must be the same as or after the from date"));
            toDate = null;
        }

        errors = problems;
        return new AuditFilter(string.IsNullOrEmpty(action) ? null : action, Clean(query.GetValueOrDefault("actor")), Clean(query.GetValueOrDefault("subject")),
            fromDate, toDate, Math.Max(1, QueryValues.Number(query.GetValueOrDefault("page")) ?? 1));
    }

    private static DateOnly? Date(IReadOnlyDictionary<string, string?> query, string key, string label, List<FieldError> problems)
    {
        var date = DateInput.ReadFilter(key, label, query.GetValueOrDefault(key),
            query.GetValueOrDefault(key + "-day"), query.GetValueOrDefault(key + "-month"), query.GetValueOrDefault(key + "-year"), out var error);
        if (error is not null)
        {
            problems.Add(error);
        }

        return date;
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > 256 ? trimmed[..256] : trimmed;
    }
}

public sealed record AuditRow(AuditEvent Event, string? SubjectName, string? SubjectEmail);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageCount);

/// <summary>Reads the audit log for admins, newest first.</summary>
public static class AuditQuery
{
    // ToLower() here is translated to SQL lower(), not run in .NET, so the culture warnings do not apply.
#pragma warning disable CA1304, CA1311
    public static async Task<AuditPage> ReadAsync(AppDbContext db, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var events = db.AuditEvents.AsNoTracking();
        if (filter.Action is { } action)
        {
            events = events.Where(e => e.Action == action);
        }

        if (filter.Actor is { } actor)
        {
            var pattern = LikePattern.Containing(actor.ToLowerInvariant());
            events = events.Where(e => EF.Functions.Like(e.ActorName.ToLower(), pattern, LikePattern.Escape));
        }

        if (filter.Subject is { } subject)
        {
            var pattern = LikePattern.Containing(subject.ToLowerInvariant());
            var people = db.Users.Where(u => EF.Functions.Like(u.Email!.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(u.FullName!.ToLower(), pattern, LikePattern.Escape)).Select(u => u.Id);
            events = events.Where(e => e.SubjectUserId != null && people.Contains(e.SubjectUserId));
        }

        if (filter.From is { } from)
        {
            var start = UkTime.EndOfDayUtc(from.AddDays(-1));
            events = events.Where(e => e.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = UkTime.EndOfDayUtc(to);
            events = events.Where(e => e.AtUtc < end);
        }

        var total = await events.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + AuditFilter.PageSize - 1) / AuditFilter.PageSize);
        var page = Math.Min(filter.Page, pageCount);
        var rows = await events
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * AuditFilter.PageSize)
            .Take(AuditFilter.PageSize)
            .Select(e => new AuditRow(
                e,
                db.Users.Where(u => u.Id == e.SubjectUserId).Select(u => u.FullName).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.SubjectUserId).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new AuditPage(rows, total, page, pageCount);
    }
#pragma warning restore CA1304, CA1311
}
