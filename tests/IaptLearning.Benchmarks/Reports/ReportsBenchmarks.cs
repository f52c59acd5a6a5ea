using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Reports;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Benchmarks.Reports;

/// <summary>
/// The manager's reports over <see cref="ReportsDatabase"/> (50,000 staff, 250,000 records), for
/// a manager of one service (5,000 staff) and for an admin (everyone). Issue targets: dashboard
/// median ≤ 300 ms, a table page with a filter and a sort ≤ 100 ms, the full CSV streamed with
/// memory growth ≤ 64 MB (growth is measured by <see cref="ExportMemory"/>; allocations here).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ReportsBenchmarks
{
    private StaffScope _scope = StaffScope.Nobody;

    [Params("service manager", "admin")]
    public string Who { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        ReportsDatabase.EnsureAsync().GetAwaiter().GetResult();
        _scope = ScopeAsync(Who).GetAwaiter().GetResult();
    }

    /// <summary>The scope of a manager of the first service (granted here if not yet), or everyone.</summary>
    public static async Task<StaffScope> ScopeAsync(string who)
    {
        await using var db = new AppDbContext(ReportsDatabase.Options());
        if (who == "admin")
        {
            return await StaffScope.ForAsync(db, Principal("admin", Roles.Admin));
        }

        const string manager = "user-00000"; // A member of staff who also manages the first service.
        if (!await db.ManagerScopes.AnyAsync(s => s.UserId == manager))
        {
            db.ManagerScopes.Add(new ManagerScope { UserId = manager, ServiceId = ReportsDatabase.FirstServiceId, GrantedAtUtc = ReportsDatabase.Now });
            await db.SaveChangesAsync();
        }

        return await StaffScope.ForAsync(db, Principal(manager, Roles.Manager));
    }

    private static ClaimsPrincipal Principal(string id, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role)], "benchmark"));

    [Benchmark]
    public async Task<Dashboard> Dashboard()
    {
        await using var db = new AppDbContext(ReportsDatabase.Options());
        return await DashboardReader.ReadAsync(db, _scope, null, slug => slug, ReportsDatabase.Now);
    }

    [Benchmark]
    public async Task<RecordPage> TablePageOverdueByDueDate()
    {
        await using var db = new AppDbContext(ReportsDatabase.Options());
        return await new RecordQuery(db, _scope, ReportsDatabase.Now)
            .PageAsync(new RecordFilter { Status = RecordStatus.Overdue, Sort = RecordSort.Due, Descending = true, Page = 3 });
    }

    [Benchmark]
    public async Task<RecordPage> TablePageSearchByName()
    {
        await using var db = new AppDbContext(ReportsDatabase.Options());
        return await new RecordQuery(db, _scope, ReportsDatabase.Now)
            .PageAsync(new RecordFilter { Search = "siân", Module = ReportsDatabase.Module(2), Page = 2 });
    }

    [Benchmark]
    public async Task<int> ExportAll()
    {
        await using var db = new AppDbContext(ReportsDatabase.Options());
        var rows = new RecordQuery(db, _scope, ReportsDatabase.Now).Sorted(new RecordFilter()).AsAsyncEnumerable();
        return await RecordsCsv.WriteAsync(Stream.Null, rows, slug => slug);
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.Median);
    }
}
