using System.Globalization;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Audit;

/// <summary>The audit log's filters, read from the query string; bad values are reported and ignored.</summary>
public sealed record AuditFilter(string? Action, string? Actor, string? Subject, DateOnly? From, DateOnly? To, int Page)
{
    public const int PageSize = 50;

    public static AuditFilter Parse(string? action, string? actor, string? subject, string? from, string? to, int? page, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(action) && !AuditActions.Names.ContainsKey(action))
        {
            problems.Add("Choose an action from the list");
            action = null;
        }

        var fromDate = ParseDate(from, "from", problems);
        var toDate = ParseDate(to, "to", problems);
        if (fromDate is { } f && toDate is { } t && f > t)
        {
            problems.Add("The 'from' date must be on or before the 'to' date");
            fromDate = toDate = null;
        }

        errors = problems;
        return new AuditFilter(action, Clean(actor), Clean(subject), fromDate, toDate, Math.Max(1, page ?? 1));
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > 256 ? trimmed[..256] : trimmed;
    }

    private static DateOnly? ParseDate(string? value, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"The '{name}' date must be a real date, like 2026-03-05");
        return null;
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
