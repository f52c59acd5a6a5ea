using System.Security.Claims;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Reports;

public static class ReportsEndpoints
{
    public const string DashboardAddress = "/manage";
    public const string RecordsAddress = "/manage/records";
    public const string CsvAddress = "/manage/records.csv";

    public static WebApplication UseReports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(CsvAddress, ExportAsync).RequireAuthorization(Roles.ManagersPolicy);
        return app;
    }

    /// <summary>A module's title from the catalogue, or its slug if the module has gone.</summary>
    public static Func<string, string> ModuleTitles(ModuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var modules = library.Published.ToDictionary(m => m.Slug, m => m.Title, StringComparer.Ordinal);
        return slug => modules.GetValueOrDefault(slug, slug);
    }

    // The same filters as the table (bad values ignored, as the table ignores them), every page,
    // streamed. The audit row is committed before the first byte so an interrupted download is still logged.
    private static async Task ExportAsync(HttpContext context, ClaimsPrincipal user, IDbContextFactory<AppDbContext> factory,
        TimeProvider time, ModuleLibrary library, CancellationToken cancellationToken)
    {
        var (filter, _) = RecordFilter.Parse(context.Request.Query);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = await StaffScope.ForAsync(db, user, cancellationToken);
        var query = new RecordQuery(db, scope, now);
        var count = await query.CountAsync(filter, cancellationToken);
        AuditLog.Add(db, user, AuditActions.Exported, $"Exported {count} {(count == 1 ? "row" : "rows")} of the training records table",
            details: new { filters = filter.AuditDetails(), rows = count }, atUtc: now);
        await db.SaveChangesAsync(cancellationToken);

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{RecordsCsv.FileName(now)}\"";
        context.Response.Headers.CacheControl = "private, no-store";
        await RecordsCsv.WriteAsync(context.Response.Body, query.Sorted(filter).AsAsyncEnumerable(), ModuleTitles(library), cancellationToken);
    }
}
