using IaptLearning.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace IaptLearning.Cli.Hosting;

/// <summary>
/// Where the commands look for the web app: its folder (whose appsettings.json and environment
/// they read, exactly as the web app does) and its environment name.
/// </summary>
public sealed record WebAppLocation(string ContentRoot, string EnvironmentName)
{
    /// <summary>
    /// The web project's folder when run anywhere inside the repository (the web app's content root
    /// under <c>dotnet run</c>); otherwise the current folder, for a published app run from its own
    /// folder. The environment is <c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c>, else Production.
    /// </summary>
    public static WebAppLocation Detect()
    {
        var current = Directory.GetCurrentDirectory();
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;
        return new WebAppLocation(FindWebProject(current) ?? current, environment);
    }

    private static string? FindWebProject(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaptLearning.Web.csproj")))
            {
                return dir.FullName;
            }

            var candidate = Path.Combine(dir.FullName, "src", "IaptLearning.Web");
            if (File.Exists(Path.Combine(candidate, "IaptLearning.Web.csproj")))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A problem a command reports in one sentence, with no stack trace, and the exit code it gives.</summary>
public sealed class CliException(string message, int exitCode = CliApp.UsageOrUnreadable) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>
/// The web app's own service registrations (database, Identity, Data Protection keys, content) over
/// the same data folder, so that what a command writes the web app reads: accounts, and tokens in
/// links that the web app validates with the same key ring.
/// </summary>
public sealed class WebAppHost : IAsyncDisposable
{
    private readonly IHost _host;

    private WebAppHost(IHost host, string dataPath, string database)
    {
        _host = host;
        DataPath = dataPath;
        Database = database;
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>The data folder: keys, mail and (by default) the database.</summary>
    public string DataPath { get; }

    /// <summary>Which database, and how it was chosen, for the person running the command.</summary>
    public string Database { get; }

    /// <summary>
    /// Builds the host (<paramref name="register"/> adds the web app's features, or throws
    /// <see cref="CliException"/> to refuse before anything is written), checks the data
    /// folder can be written, then runs the start-up work the web app runs: migrations (a new
    /// database is created), roles, and whatever else was registered.
    /// </summary>
    public static async Task<WebAppHost> StartAsync(
        WebAppLocation location,
        string? dataFolder,
        IReadOnlyDictionary<string, string?> settings,
        Action<HostApplicationBuilder> register,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(register);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = location.ContentRoot,
            EnvironmentName = location.EnvironmentName,
            // The web app's name, so Development also reads its user secrets.
            ApplicationName = typeof(AppDbContext).Assembly.GetName().Name,
        });
        var overrides = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Content:Watch"] = "false",
        };
        if (dataFolder is not null)
        {
            overrides["Storage:DataPath"] = Path.GetFullPath(dataFolder);
            overrides["ConnectionStrings:Default"] = "";
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        // Expected on a first run, and said better by the command itself.
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);

        if (dataFolder is null && builder.Configuration["Storage:DataPath"] is null && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Default")))
        {
            // Guessing would create a database the web app never reads.
            throw new CliException(
                $"cannot find the web app's data folder: no Storage:DataPath in {Path.Combine(location.ContentRoot, "appsettings.json")} or the environment (Storage__DataPath). " +
                "Run this inside the repository or from the published web app's folder, or pass --data <folder>.");
        }

        var dataPath = StoragePaths.DataPath(builder);
        var source = DataSource(builder, dataFolder);
        try
        {
            register(builder);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(dataPath, e);
        }

        EnsureWritable(dataPath);
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Development validates every registration on build, but the web app's pages and
        // endpoints (navigation, routing) are not part of this host and are never resolved.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));

        var host = builder.Build();
        string database;
        using (var scope = host.Services.CreateScope())
        {
            var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
            database = $"{new SqliteConnectionStringBuilder(connection).DataSource} ({source})";
        }

        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            host.Dispose();
            throw new CliException($"cannot open or update the database {database}: {e.Message}");
        }

        return new WebAppHost(host, dataPath, database);
    }

    private static string DataSource(HostApplicationBuilder builder, string? dataFolder)
    {
        if (dataFolder is not null)
        {
            return "--data";
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Default")))
        {
            return "ConnectionStrings:Default";
        }

        return Environment.GetEnvironmentVariable("Storage__DataPath") is not null
            ? "Storage__DataPath"
            : $"Storage:DataPath '{builder.Configuration["Storage:DataPath"]}' in the web app's settings, from {builder.Environment.ContentRootPath}";
    }

    private static void EnsureWritable(string dataPath)
    {
        try
        {
            Directory.CreateDirectory(dataPath);
            var probe = Path.Combine(dataPath, $".iapt-write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw Unwritable(dataPath, e);
        }
    }

    private static CliException Unwritable(string dataPath, Exception e) =>
        new($"cannot write to the data folder '{dataPath}': {e.Message} Pass --data with a folder you can write to.");

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        // Let go of the database file at once (the next process, or a test, may open it).
        SqliteConnection.ClearAllPools();
    }
}
