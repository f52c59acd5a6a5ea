using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Data;

/// <summary>Applies migrations before the server takes requests, then switches the file to WAL.</summary>
internal sealed class DatabaseStartup(IDbContextFactory<AppDbContext> factory, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Persistent in the file: readers never block the writer, and a crash never corrupts it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        logger.LogInformation("Database ready.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
