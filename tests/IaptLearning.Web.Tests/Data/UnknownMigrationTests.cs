using IaptLearning.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Data;

/// <summary>A database from another build (newer, or from before the migrations were squashed) is refused untouched.</summary>
public sealed class UnknownMigrationTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "iapt-unknown-migration-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private AppDbContext Db() => new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_file}").Options);

    [Fact]
    public async Task Startup_DatabaseWithAMigrationThisBuildLacks_IsRefusedAndLeftAsItWas()
    {
        await using (var db = Db())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20991231235959_FromANewerBuild', '10.0.0');
                """);
        }

        await using (var db = Db())
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseStartup.RefuseUnknownMigrationsAsync(db, default));
            Assert.Contains("records a migration this build does not have (20991231235959_FromANewerBuild). Nothing was changed.", e.Message, StringComparison.Ordinal);
            Assert.Contains("delete it (by default the data/ folder)", e.Message, StringComparison.Ordinal);
        }

        await using (var db = Db())
        {
            Assert.Equal(["20991231235959_FromANewerBuild"], await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM sqlite_master WHERE name = 'AspNetUsers'""").SingleAsync());
        }
    }

    [Fact]
    public async Task Startup_NewDatabase_IsAccepted()
    {
        // A current database is accepted too: every test's app starts through this check.
        await using var db = Db();
        await DatabaseStartup.RefuseUnknownMigrationsAsync(db, default);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }
}
