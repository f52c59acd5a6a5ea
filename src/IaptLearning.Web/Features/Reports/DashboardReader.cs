using System.Globalization;
using System.Linq.Expressions;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Reports;

/// <summary>Counts of records in each status; the four never overlap, so they add up to the total.</summary>
public sealed record StatusCounts(int Completed, int InProgress, int NotStarted, int Overdue)
{
    public static readonly StatusCounts Zero = new(0, 0, 0, 0);

    public int Total => Completed + InProgress + NotStarted + Overdue;

    public int this[RecordStatus status] => status switch
    {
        RecordStatus.Completed => Completed,
        RecordStatus.InProgress => InProgress,
        RecordStatus.NotStarted => NotStarted,
        RecordStatus.Overdue => Overdue,
        _ => 0,
    };

    /// <summary>"42%" of this row's total (whole percentages, so a row may add up to 99 or 101).</summary>
    public string Percent(RecordStatus status) => Total == 0 ? "0%" : (100.0 * this[status] / Total).ToString("0", CultureInfo.InvariantCulture) + "%";

    public StatusCounts Add(RecordStatus status, int count) => status switch
    {
        RecordStatus.Completed => this with { Completed = Completed + count },
        RecordStatus.InProgress => this with { InProgress = InProgress + count },
        RecordStatus.NotStarted => this with { NotStarted = NotStarted + count },
        _ => this with { Overdue = Overdue + count },
    };
}

/// <summary>One line of a dashboard table: a module, a team or a job role.</summary>
public sealed record DashboardLine(string Key, string Label, StatusCounts Counts);

/// <summary>Completions in one UK calendar month.</summary>
public sealed record MonthCount(int Year, int Month, int Completions)
{
    public string Label => new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

public sealed record Dashboard(
    int People,
    StatusCounts All,
    IReadOnlyList<DashboardLine> Modules,
    IReadOnlyList<DashboardLine> Teams,
    IReadOnlyList<DashboardLine> JobRoles,
    IReadOnlyList<MonthCount> CompletionsByMonth);

/// <summary>
/// The manager's dashboard, counted by the database: one grouped query over the records of the
/// teams in scope (by team, job role and module, with the four statuses counted in each group and
/// summed three ways here), one for completions by month and one each for people and team names.
/// </summary>
public static class DashboardReader
{
    public const int Months = 12;

    public static async Task<Dashboard> ReadAsync(AppDbContext db, StaffScope scope, string? module, Func<string, string> moduleTitle, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(moduleTitle);
        // Counted from the records alone, by the team and job role kept on each record (rebuilt on
        // every move), so the database walks one covering index in order: no join, no sort.
        var records = db.ModuleRecords.AsNoTracking();
        if (!scope.IsEveryone)
        {
            var scopeTeams = scope.TeamIds;
            records = records.Where(r => r.TeamId != null && scopeTeams.Contains(r.TeamId.Value));
        }

        if (module is not null)
        {
            records = records.Where(r => r.ModuleSlug == module);
        }

        var counted = await records
            .Select(RecordQuery.WithStatus((r, status) => new CountedRecord { TeamId = r.TeamId, JobRole = r.JobRole, ModuleSlug = r.ModuleSlug, Status = status }, nowUtc))
            .GroupBy(x => new { x.TeamId, x.JobRole, x.ModuleSlug })
            .Select(g => new
            {
                g.Key.TeamId,
                g.Key.JobRole,
                g.Key.ModuleSlug,
                Completed = g.Count(x => x.Status == RecordStatus.Completed),
                InProgress = g.Count(x => x.Status == RecordStatus.InProgress),
                NotStarted = g.Count(x => x.Status == RecordStatus.NotStarted),
                Overdue = g.Count(x => x.Status == RecordStatus.Overdue),
            })
            .ToListAsync(cancellationToken);
        var groups = counted
            .SelectMany(g => new[]
            {
                (g.ModuleSlug, g.TeamId, g.JobRole, Status: RecordStatus.Completed, Count: g.Completed),
                (g.ModuleSlug, g.TeamId, g.JobRole, Status: RecordStatus.InProgress, Count: g.InProgress),
                (g.ModuleSlug, g.TeamId, g.JobRole, Status: RecordStatus.NotStarted, Count: g.NotStarted),
                (g.ModuleSlug, g.TeamId, g.JobRole, Status: RecordStatus.Overdue, Count: g.Overdue),
            })
            .Where(g => g.Count > 0)
            .ToList();

        var teamIds = groups.Where(g => g.TeamId != null).Select(g => g.TeamId!.Value).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking()
            .Where(t => teamIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, Service = t.Service!.Name })
            .ToDictionaryAsync(t => t.Id, t => $"{t.Name} ({t.Service})", cancellationToken);

        var people = await scope.Apply(db.Users.AsNoTracking()).CountAsync(cancellationToken);

        var all = StatusCounts.Zero;
        foreach (var g in groups)
        {
            all = all.Add(g.Status, g.Count);
        }

        return new Dashboard(
            people,
            all,
            Sum(groups.Select(g => (g.ModuleSlug, moduleTitle(g.ModuleSlug), g.Status, g.Count))),
            Sum(groups.Select(g => (g.TeamId?.ToString(CultureInfo.InvariantCulture) ?? "", g.TeamId is { } id ? teams.GetValueOrDefault(id, ReportText.NoTeam) : ReportText.NoTeam, g.Status, g.Count))),
            Sum(groups.Select(g => (g.JobRole?.ToString() ?? "", ReportText.JobRole(g.JobRole), g.Status, g.Count))),
            await CompletionsByMonthAsync(records, nowUtc, cancellationToken));
    }

    /// <summary>The first instants (UTC) of the last <see cref="Months"/> UK months, oldest first, and of next month.</summary>
    public static IReadOnlyList<(int Year, int Month, DateTime StartUtc)> MonthStarts(DateTime nowUtc)
    {
        var today = UkTime.Today(nowUtc);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months);
        return Enumerable.Range(0, Months + 1)
            .Select(i => first.AddMonths(i))
            .Select(d => (d.Year, d.Month, UkTime.EndOfDayUtc(d.AddDays(-1))))
            .ToList();
    }

    private static async Task<IReadOnlyList<MonthCount>> CompletionsByMonthAsync(IQueryable<ModuleRecord> rows, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var starts = MonthStarts(nowUtc);
        var from = starts[0].StartUtc;
        var until = starts[^1].StartUtc;

        // The month of each completion as one CASE expression over the UK month boundaries, so the
        // database groups by UK month (British Summer Time included) without a time-zone function.
        var row = Expression.Parameter(typeof(ModuleRecord), "x");
        var completed = Expression.Property(row, nameof(ModuleRecord.CompletedAtUtc));
        Expression month = Expression.Constant(Months - 1);
        for (var i = Months - 2; i >= 0; i--)
        {
            month = Expression.Condition(Expression.LessThan(completed, Expression.Constant(starts[i + 1].StartUtc, typeof(DateTime?))), Expression.Constant(i), month);
        }

        var counts = await rows
            .Where(x => x.CompletedAtUtc >= from && x.CompletedAtUtc < until)
            .GroupBy(Expression.Lambda<Func<ModuleRecord, int>>(month, row))
            .Select(g => new { Month = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Month, g => g.Count, cancellationToken);
        return starts.Take(Months).Select((s, i) => new MonthCount(s.Year, s.Month, counts.GetValueOrDefault(i))).ToList();
    }

    private static List<DashboardLine> Sum(IEnumerable<(string Key, string Label, RecordStatus Status, int Count)> groups) =>
        groups.GroupBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DashboardLine(g.Key, g.First().Label, g.Aggregate(StatusCounts.Zero, (c, x) => c.Add(x.Status, x.Count))))
            .OrderBy(l => l.Label, StringComparer.CurrentCulture)
            .ToList();
}

/// <summary>The columns the dashboard groups and counts by.</summary>
internal sealed class CountedRecord
{
    public int? TeamId { get; init; }
    public JobRole? JobRole { get; init; }
    public required string ModuleSlug { get; init; }
    public RecordStatus Status { get; init; }
}
