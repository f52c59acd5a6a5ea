using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Data;

/// <summary>
/// Keeps the query planner's statistics current. Without them SQLite guesses, and at 50,000 staff
/// a managers' search drove its join from the wrong table (a quarter of a second instead of
/// 10–20 ms; docs/benchmarks.md). Runs after start-up and then hourly; <c>PRAGMA optimize</c>
/// only re-analyses tables that have changed enough to matter, and the limit keeps each run short.
/// </summary>
public sealed class DatabaseMaintenance(IDbContextFactory<AppDbContext> factory, TimeProvider time, ILogger<DatabaseMaintenance> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Refreshes the statistics (SQLite only; other providers keep their own).</summary>
    public static async Task OptimiseAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            // 0x10002: analyse every table that would benefit, not only those this connection has used.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;", cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(stoppingToken);
                await OptimiseAsync(db, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Statistics only make queries faster; failing to refresh them must not stop the site.
                logger.LogWarning(e, "Could not refresh the database statistics.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
