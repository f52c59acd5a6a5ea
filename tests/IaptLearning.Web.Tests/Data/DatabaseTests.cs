using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Data;

[Collection(WebAppTests.Name)]
public class DatabaseTests(WebAppFixture app)
{
    private async Task<string> ScalarAsync(string sql)
    {
        return await app.ExecuteDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        });
    }

    [Fact]
    public async Task Startup_FreshFolder_AppliesEveryMigration()
    {
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True(File.Exists(Path.Combine(app.DataPath, "iaptlearning.db")));
        });
    }

    [Fact]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges()
    {
        await app.ExecuteDbAsync(async db =>
        {
            Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project src/IaptLearning.Web --output-dir Data/Migrations");
        });
    }

    [Fact]
    public async Task Connection_JournalMode_IsWal() => Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));

    [Fact]
    public async Task Connection_Synchronous_IsFull() => Assert.Equal("2", await ScalarAsync("PRAGMA synchronous;"));

    [Fact]
    public async Task Connection_ForeignKeys_AreOn() => Assert.Equal("1", await ScalarAsync("PRAGMA foreign_keys;"));
}
