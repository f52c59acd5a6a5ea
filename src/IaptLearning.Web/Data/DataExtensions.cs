using System.Data.Common;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IaptLearning.Web.Data;

public static class DataExtensions
{
    /// <summary>
    /// The database, chosen by <c>Database:Provider</c> (only <c>Sqlite</c> for now). With no
    /// connection string the SQLite file lives at <c>{Storage:DataPath}/iaptlearning.db</c>.
    /// </summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported yet; use 'Sqlite'.");
        }

        var dataPath = StoragePaths.DataPath(builder);
        var connectionString = builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataPath);
            connectionString = $"Data Source={Path.Combine(dataPath, "iaptlearning.db")}";
        }

        // On every context, the CLI's included, so no writer can leave the managers' records stale.
        builder.Services.AddDbContextFactory<AppDbContext>((services, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteDurabilityInterceptor(), new ModuleRecordsInterceptor(services)));
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();
        return builder;
    }

    /// <summary>
    /// Every commit is fsynced (<c>synchronous=FULL</c>): answers and completions are what the
    /// learner must never lose, and a heartbeat every few seconds per learner is a small write load.
    /// </summary>
    private sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

public static class StoragePaths
{
    /// <summary><c>Storage:DataPath</c>, relative to the content root; default <c>data</c> beside the app.</summary>
    public static string DataPath(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration["Storage:DataPath"] ?? "data";
        return Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, configured));
    }
}
