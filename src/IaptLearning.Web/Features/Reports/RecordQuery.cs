using System.Linq.Expressions;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Reports;

/// <summary>One person's record of one module, as the records table, its CSV and the dashboard read it.</summary>
public sealed class RecordRow
{
    public long RecordId { get; init; }
    public required string UserId { get; init; }
    public string? FullName { get; init; }
    public string? Email { get; init; }
    public string? EmployeeNumber { get; init; }
    public int? TeamId { get; init; }
    public string? TeamName { get; init; }
    public int? ServiceId { get; init; }
    public string? ServiceName { get; init; }
    public JobRole? JobRole { get; init; }
    public required string ModuleSlug { get; init; }
    public string? ModuleVersion { get; init; }
    public DateTime? DueAtUtc { get; init; }
    public DateTime? NewStarterJoinedAtUtc { get; init; }
    public DateTime? StartedAtUtc { get; init; }
    public DateTime? CompletedAtUtc { get; init; }

    /// <summary>The score of the latest completion, or the best score so far if not completed.</summary>
    public int? Score { get; init; }
    public string? CertificateNumber { get; init; }
    public RecordStatus Status { get; init; }

    /// <summary>Whether a minimum-time exemption (a reasonable adjustment) covers this module now.</summary>
    public bool MinTimeExempt { get; init; }
}

/// <summary>One page of the records table.</summary>
public sealed record RecordPage(IReadOnlyList<RecordRow> Rows, int Total, int Page, int PageCount);

/// <summary>
/// Turns a <see cref="RecordFilter"/> into a query over module records joined to the people in a
/// <see cref="StaffScope"/>, so the table, the CSV and the dashboard cannot disagree about who is
/// in it: the scope is applied to the people before anything else, by the database.
/// </summary>
public sealed class RecordQuery
{
    private readonly AppDbContext _db;
    private readonly StaffScope _scope;
    private readonly DateTime _nowUtc;

    public RecordQuery(AppDbContext db, StaffScope scope, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        _db = db;
        _scope = scope;
        _nowUtc = nowUtc;
    }

    /// <summary>The filtered rows in no particular order (for counting and grouping).</summary>
    public IQueryable<RecordRow> Filtered(RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var records = Records(filter);
        var people = _scope.Apply(_db.Users.AsNoTracking());
        if (filter.TeamId is { } teamId)
        {
            people = people.Where(u => u.TeamId == teamId);
        }

        if (filter.ServiceId is { } serviceId)
        {
            people = people.Where(u => u.Team != null && u.Team.ServiceId == serviceId);
        }

        if (filter.JobRole is { } role)
        {
            people = people.Where(u => u.JobRole == role);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Lower-cased on both sides and matched with Contains (instr/strpos, not LIKE), so
            // % and _ in a search are plain characters on every provider.
            // The analysers' culture advice is for .NET strings; these calls become SQL lower() and instr().
            // SQLite's lower() folds ASCII only, so the search as typed is tried too ("Ŵyn" finds "Siân Ŵyn").
            var typed = filter.Search.Trim();
            var term = typed.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862
            people = people.Where(u => (u.FullName != null && (u.FullName.ToLower().Contains(term) || u.FullName.Contains(typed)))
                || (u.Email != null && u.Email.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // A search picks few people: naming them first lets the database go from each match
            // to its records by index, instead of reading every record of a module and then its person.
            var matching = people.Select(u => u.Id);
            records = records.Where(r => matching.Contains(r.UserId));
        }

        return records.Join(people, r => r.UserId, u => u.Id, Projection());
    }

    /// <summary>The filtered rows in the filter's order, every page (the CSV).</summary>
    public IQueryable<RecordRow> Sorted(RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = Filtered(filter);
        var d = filter.Descending;
        var sorted = filter.Sort switch
        {
            RecordSort.Team => By(rows, x => x.ServiceName, d).ThenBy(x => x.TeamName, d).ThenBy(x => x.FullName),
            RecordSort.JobRole => By(rows, x => x.JobRole, d).ThenBy(x => x.FullName),
            RecordSort.Module => By(rows, x => x.ModuleSlug, d).ThenBy(x => x.FullName),
            RecordSort.Status => By(rows, x => x.Status, d).ThenBy(x => x.FullName),
            RecordSort.Due => By(rows, x => x.DueAtUtc, d).ThenBy(x => x.FullName),
            RecordSort.Completed => By(rows, x => x.CompletedAtUtc, d).ThenBy(x => x.FullName),
            RecordSort.Score => By(rows, x => x.Score, d).ThenBy(x => x.FullName),
            _ => By(rows, x => x.FullName, d).ThenBy(x => x.ModuleSlug),
        };

        // The record id makes the order total, so paging never repeats or skips a row.
        return sorted.ThenBy(x => x.RecordId);
    }

    /// <summary>
    /// How many rows the filter gives. When the caller sees everyone and no filter is about the
    /// people, the join to people cannot remove a row (a record is deleted with its person), so
    /// the count reads the records alone: half the work for an admin's "page x of y".
    /// </summary>
    public Task<int> CountAsync(RecordFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var aboutPeople = filter.TeamId is not null || filter.ServiceId is not null || filter.JobRole is not null || !string.IsNullOrWhiteSpace(filter.Search);
        return _scope.IsEveryone && !aboutPeople
            ? Records(filter).CountAsync(cancellationToken)
            : Filtered(filter).CountAsync(cancellationToken);
    }

    private IQueryable<ModuleRecord> Records(RecordFilter filter)
    {
        var records = _db.ModuleRecords.AsNoTracking();
        if (filter.Module is { } module)
        {
            records = records.Where(r => r.ModuleSlug == module);
        }

        if (filter.Status is { } status)
        {
            records = records.Where(RecordStatuses.Is(status, _nowUtc));
        }

        // A due date is stored as the end of that UK day, so a day range is a range of those instants.
        if (filter.DueFrom is { } from)
        {
            var after = UkTime.EndOfDayUtc(from.AddDays(-1));
            records = records.Where(r => r.DueAtUtc > after);
        }

        if (filter.DueTo is { } to)
        {
            var until = UkTime.EndOfDayUtc(to);
            records = records.Where(r => r.DueAtUtc <= until);
        }

        return records;
    }

    /// <summary>The filter's page, or the last page if it asks for one past the end.</summary>
    public async Task<RecordPage> PageAsync(RecordFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var total = await CountAsync(filter, cancellationToken);
        var pageCount = Math.Max(1, (total + RecordFilter.PageSize - 1) / RecordFilter.PageSize);
        var page = Math.Min(filter.Page, pageCount);
        var rows = total == 0 ? [] : await Sorted(filter)
            .Skip((page - 1) * RecordFilter.PageSize)
            .Take(RecordFilter.PageSize)
            .ToListAsync(cancellationToken);
        return new RecordPage(rows, total, page, pageCount);
    }

    /// <summary>The status of a record as one SQL expression, built from <see cref="RecordStatuses.Is"/> (the one definition).</summary>
    public static Expression<Func<ModuleRecord, RecordStatus>> StatusOf(DateTime nowUtc)
    {
        var record = Expression.Parameter(typeof(ModuleRecord), "r");
        Expression body = Expression.Constant(RecordStatus.NotStarted);
        foreach (var status in new[] { RecordStatus.InProgress, RecordStatus.Overdue, RecordStatus.Completed })
        {
            var test = Rebind(RecordStatuses.Is(status, nowUtc), record);
            body = Expression.Condition(test, Expression.Constant(status), body);
        }

        return Expression.Lambda<Func<ModuleRecord, RecordStatus>>(body, record);
    }

    /// <summary>A projection of a record with its status worked out in SQL: <paramref name="template"/>'s second argument becomes <see cref="StatusOf"/>.</summary>
    public static Expression<Func<ModuleRecord, TResult>> WithStatus<TResult>(Expression<Func<ModuleRecord, RecordStatus, TResult>> template, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(template);
        var body = new Replacer(template.Parameters[1], Rebind(StatusOf(nowUtc), template.Parameters[0])).Visit(template.Body);
        return Expression.Lambda<Func<ModuleRecord, TResult>>(body, template.Parameters[0]);
    }

    private Expression<Func<ModuleRecord, ApplicationUser, RecordRow>> Projection()
    {
        var now = _nowUtc;
        Expression<Func<ModuleRecord, ApplicationUser, RecordStatus, RecordRow>> template = (r, u, status) => new RecordRow
        {
            RecordId = r.Id,
            UserId = u.Id,
            FullName = u.FullName,
            Email = u.Email,
            EmployeeNumber = u.EmployeeNumber,
            TeamId = u.TeamId,
            TeamName = u.Team == null ? null : u.Team.Name,
            ServiceId = u.Team == null ? null : u.Team.ServiceId,
            ServiceName = u.Team == null ? null : u.Team.Service!.Name,
            JobRole = u.JobRole,
            ModuleSlug = r.ModuleSlug,
            ModuleVersion = r.CompletedVersion,
            DueAtUtc = r.DueAtUtc,
            NewStarterJoinedAtUtc = r.NewStarterJoinedAtUtc,
            StartedAtUtc = r.StartedAtUtc,
            CompletedAtUtc = r.CompletedAtUtc,
            Score = r.CompletedScorePercent ?? r.BestScorePercent,
            CertificateNumber = r.CertificateNumber,
            Status = status,
            MinTimeExempt = r.MinTimeExemptUntilUtc != null && r.MinTimeExemptUntilUtc > now,
        };
        var statusOf = StatusOf(_nowUtc);
        var body = new Replacer(template.Parameters[2], Rebind(statusOf, template.Parameters[0])).Visit(template.Body);
        return Expression.Lambda<Func<ModuleRecord, ApplicationUser, RecordRow>>(body, template.Parameters[0], template.Parameters[1]);
    }

    private static IOrderedQueryable<RecordRow> By<TKey>(IQueryable<RecordRow> rows, Expression<Func<RecordRow, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    private static Expression Rebind<T, TResult>(Expression<Func<T, TResult>> lambda, Expression argument) =>
        new Replacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed class Replacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}

internal static class OrderedQueryableExtensions
{
    public static IOrderedQueryable<T> ThenBy<T, TKey>(this IOrderedQueryable<T> source, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? source.ThenByDescending(key) : source.ThenBy(key);
}
