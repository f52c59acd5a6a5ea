using IaptLearning.Content;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IaptLearning.Web.Tests;

/// <summary>
/// The real app on a real SQLite file in a temp folder (migrations applied at start-up), serving
/// the sample module, with a clock the tests move.
/// </summary>
public sealed class WebAppFixture : WebApplicationFactory<Program>
{
    public static readonly string SampleContentPath = Path.Combine(AppContext.BaseDirectory, "SampleContent");

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "iapt-web-tests-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));

    public ContentModule SampleModule { get; } = new ContentLoader().Load(SampleContentPath).FindModule("sample-module")
        ?? throw new InvalidOperationException("The sample module did not load.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Content:Path", SampleContentPath);
        builder.UseSetting("Storage:DataPath", DataPath);
        builder.UseSetting("UseHttpsRedirection", "false");
        // Every test client shares one address; RateLimitTests checks the limit on its own host.
        builder.UseSetting("Certificates:VerifyPermitsPerMinute", "100000");
        // Sign-in and registration posts are limited per address too; SignInRateLimitTests checks that.
        builder.UseSetting("Accounts:FormPostsPerMinute", "100000");
        builder.UseSetting("Site:PublicBaseUrl", "https://learning.example.nhs.uk/");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A new learner, so tests sharing the app never see each other's progress.</summary>
    public async Task<string> CreateUserAsync(string? email = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        email ??= $"learner-{Guid.NewGuid():N}@example.nhs.uk";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Test Learner" };
        var result = await users.CreateAsync(user, "correct horse battery staple");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppTests : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}
