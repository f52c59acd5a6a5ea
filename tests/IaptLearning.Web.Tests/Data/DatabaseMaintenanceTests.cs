using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Data;

[Collection(WebAppTests.Name)]
public class DatabaseMaintenanceTests(WebAppFixture app)
{
    [Fact]
    public async Task OptimiseAsync_TablesWithRows_PlannerStatisticsWritten()
    {
        for (var i = 0; i < 3; i++)
        {
            await app.CreateUserAsync();
        }

        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await DatabaseMaintenance.OptimiseAsync(db);

        var analysed = await db.Database
            .SqlQueryRaw<string>("SELECT tbl AS Value FROM sqlite_stat1 WHERE tbl = 'AspNetUsers'")
            .ToListAsync();
        Assert.NotEmpty(analysed);
    }
}
