using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Data;

/// <summary>Applies migrations before the server takes requests, then switches the file to WAL.</summary>
internal sealed class DatabaseStartup(IDbContextFactory<AppDbContext> factory, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await RefuseUnknownMigrationsAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Persistent in the file: readers never block the writer, and a crash never corrupts it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        logger.LogInformation("Database ready.");
    }

    /// <summary>
    /// A database that records migrations this build does not have was made by another build: a newer
    /// one, or a pre-release one from before the migrations were squashed into one. Migrating it would
    /// try to create tables that exist (or silently skip columns), so stop before changing anything
    /// and say what to do.
    /// </summary>
    internal static async Task RefuseUnknownMigrationsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database ({db.Database.GetDbConnection().DataSource}) was made by another build of IaptLearning: it records " +
                $"{(unknown.Count == 1 ? "a migration" : $"{unknown.Count} migrations")} this build does not have ({string.Join(", ", unknown)}). " +
                "Nothing was changed. Run the build that made it; or, if it is a development database from before the migrations were " +
                "squashed (3 December 2026), delete it (by default the data/ folder) and start again.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
