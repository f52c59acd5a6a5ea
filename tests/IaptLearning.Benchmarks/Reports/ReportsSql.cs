using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Reports;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Benchmarks.Reports;

/// <summary>`dotnet run -c Release -- reports-sql`: the SQL behind the table page, to read its plan in the sqlite3 shell.</summary>
public static class ReportsSql
{
    public static async Task PrintAsync()
    {
        await ReportsDatabase.EnsureAsync();
        foreach (var who in new[] { "service manager", "admin" })
        {
            var scope = await ReportsBenchmarks.ScopeAsync(who);
            await using var db = new AppDbContext(ReportsDatabase.Options());
            var query = new RecordQuery(db, scope, ReportsDatabase.Now);
            var filter = new RecordFilter { Status = RecordStatus.Overdue, Sort = RecordSort.Due, Descending = true, Page = 3 };
            Console.WriteLine($"-- {who}: count\n{query.Filtered(filter).Select(r => r.RecordId).ToQueryString()}\n");
            Console.WriteLine($"-- {who}: page\n{query.Sorted(filter).Skip(100).Take(50).ToQueryString()}\n");
        }

        Console.WriteLine("-- database: " + ReportsDatabase.Path);
    }
}
