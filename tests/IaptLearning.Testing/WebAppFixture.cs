using IaptLearning.Content;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IaptLearning.Testing;

/// <summary>
/// The real app on a real SQLite file in a temp folder (migrations applied at start-up), serving
/// the sample module, with a clock the tests move. The one home for test data: organisations,
/// people and signed-in clients (<c>WebAppFixture.People.cs</c>) and database work.
/// </summary>
public partial class WebAppFixture : WebApplicationFactory<Program>
{
    public static readonly string SampleContentPath = Path.Combine(AppContext.BaseDirectory, "SampleContent");

    private readonly string _contentPath;
    private readonly bool _fakeClock;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public WebAppFixture()
        : this(SampleContentPath, fakeClock: true)
    {
    }

    /// <summary>
    /// For fixtures that serve other content, need the real clock (a content watcher's debounce
    /// waits on it) or change settings; they keep every helper here.
    /// </summary>
    /// <remarks>
    /// <c>dataPath</c>: a data folder (database, keys, releases) another fixture also uses, for a
    /// restart or a second instance on one database; the caller deletes it. By default each fixture has its own.
    /// </remarks>
    protected WebAppFixture(string contentPath, bool fakeClock, IReadOnlyDictionary<string, string>? settings = null, string? dataPath = null)
    {
        _contentPath = contentPath;
        _fakeClock = fakeClock;
        _settings = settings ?? new Dictionary<string, string>();
        _ownsData = dataPath is null;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "iapt-web-tests-" + Guid.NewGuid().ToString("N"));
    }

    private readonly bool _ownsData;

    public string DataPath { get; }

    /// <summary>Every email the app has sent to <paramref name="email"/> (the pickup folder: no mail server in tests), as raw .eml text.</summary>
    public List<string> MailTo(string email)
    {
        var folder = Path.Combine(DataPath, "mail");
        return (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            .Select(File.ReadAllText)
            .Where(m => m.Contains("To: " + email, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));

    public ContentModule SampleModule { get; } = new ContentLoader().Load(SampleContentPath).FindModule("sample-module")
        ?? throw new InvalidOperationException("The sample module did not load.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Content:Path", _contentPath);
        builder.UseSetting("Storage:DataPath", DataPath);
        builder.UseSetting("UseHttpsRedirection", "false");
        // Every test client shares one address; RateLimitTests checks the limit on its own host.
        builder.UseSetting("Certificates:VerifyPermitsPerMinute", "100000");
        // Sign-in and registration posts are limited per address too; SignInRateLimitTests checks that.
        builder.UseSetting("Accounts:FormPostsPerMinute", "100000");
        builder.UseSetting("Site:PublicBaseUrl", "https://learning.example.nhs.uk/");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_fakeClock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs <paramref name="operation"/> on a context of its own, as the app does (one context per operation).</summary>
    public async Task ExecuteDbAsync(Func<AppDbContext, Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await operation(db);
    }

    /// <summary>Runs <paramref name="operation"/> on a context of its own and returns what it found.</summary>
    public async Task<T> ExecuteDbAsync<T>(Func<AppDbContext, Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await operation(db);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsData)
        {
            DeleteFolder(DataPath);
        }

        GC.SuppressFinalize(this);
    }

    protected static void DeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
