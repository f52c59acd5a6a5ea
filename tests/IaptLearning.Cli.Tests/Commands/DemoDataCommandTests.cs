using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Cli.Tests.Commands;

public sealed class DemoDataCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "iapt-cli-demo-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public void Run_NotDevelopment_RefusesAndWritesNothing(string environment)
    {
        var (code, _, error) = Run(environment, "demo-data", "--data", _data);
        Assert.Equal(CliApp.Failed, code);
        Assert.Contains($"refused: this is the '{environment}' environment", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data));
    }

    [Fact]
    public async Task Run_DevelopmentTwice_CreatesOnceThenNothing()
    {
        var (code, output, error) = Run("Development", "demo-data", "--data", _data, "--content", WebAppFixture.SampleContentPath);
        Assert.True(code == CliApp.Ok, error);
        Assert.Contains($"Database: {Path.Combine(_data, "iaptlearning.db")} (--data)", output, StringComparison.Ordinal);
        Assert.Contains("(1 published module)", output, StringComparison.Ordinal);
        Assert.Contains($"Created {DemoOrganisation.OrganisationName}: 120 staff, 42 completions, 30 in progress, 42 certificates", output, StringComparison.Ordinal);
        Assert.Contains("manager.north@example.nhs.uk", output, StringComparison.Ordinal);

        (code, output, error) = Run("Development", "demo-data", "--data", _data, "--content", WebAppFixture.SampleContentPath);
        Assert.True(code == CliApp.Ok, error);
        Assert.Contains("already exists: nothing was changed", output, StringComparison.Ordinal);

        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(_data, "iaptlearning.db")}").Options;
        await using var db = new AppDbContext(options);
        Assert.Equal(1, await db.Organisations.CountAsync());
        Assert.Equal(120 + 3 + 4, await db.Users.CountAsync());
    }

    [Fact]
    public void Run_UnknownOption_ExitsTwo()
    {
        var (code, _, error) = Run("Development", "demo-data", "--staff", "500");
        Assert.Equal(CliApp.UsageOrUnreadable, code);
        Assert.Contains("Unrecognized command or argument '--staff'.", error, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(string environment, params string[] args) => CliRun.RunIn(environment, args);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
