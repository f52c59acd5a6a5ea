using System.Security.Claims;
using System.Text;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Certificates;

public static class CertificateEndpoints
{
    public static string CertificateAddress(string number) => $"/certificates/{Uri.EscapeDataString(number)}.pdf";

    public const string CsvAddress = "/cpd/record.csv";
    public const string PdfAddress = "/cpd/record.pdf";

    public static IEndpointRouteBuilder MapCertificateDownloads(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Only the owner's own certificates: anyone else, including another signed-in learner
        // guessing numbers, gets the same 404 as for a number that does not exist.
        endpoints.MapGet("/certificates/{number}.pdf", async (string number, ClaimsPrincipal user, HttpContext context,
            IDbContextFactory<AppDbContext> factory, CancellationToken cancellationToken) =>
        {
            var userId = user.UserId();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var certificate = await db.Certificates.AsNoTracking()
                .Where(c => c.Number == number && c.UserId == userId)
                .Select(c => new { c.ModuleSlug, c.IssuedAtUtc, c.Pdf })
                .SingleOrDefaultAsync(cancellationToken);
            if (certificate is null)
            {
                return Results.NotFound();
            }

            Private(context);
            return Results.File(certificate.Pdf, "application/pdf",
                CertificateDocument.FileName(certificate.ModuleSlug, new DateTimeOffset(certificate.IssuedAtUtc, TimeSpan.Zero)));
        }).RequireAuthorization();

        endpoints.MapGet(CsvAddress, async (ClaimsPrincipal user, HttpContext context, CpdRecordReader reader, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (_, entries) = await reader.ReadAsync(user.UserId()!, cancellationToken);
            Private(context);
            // With a byte order mark, so Excel reads the accents in names as UTF-8.
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CpdRecordCsv.Write(entries))).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", $"cpd-record-{UkTime.ToLondon(time.GetUtcNow().UtcDateTime):yyyy-MM-dd}.csv");
        }).RequireAuthorization();

        endpoints.MapGet(PdfAddress, async (ClaimsPrincipal user, HttpContext context, CpdRecordReader reader, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (name, entries) = await reader.ReadAsync(user.UserId()!, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            Private(context);
            return Results.File(CpdRecordDocument.Render(name, entries, now), "application/pdf", $"cpd-record-{UkTime.ToLondon(now):yyyy-MM-dd}.pdf");
        }).RequireAuthorization();

        return endpoints;
    }

    // Personal records: never kept by a shared cache or the browser's back-forward store.
    private static void Private(HttpContext context) => context.Response.Headers.CacheControl = "private, no-store";
}
