using IaptLearning.Web.Features.Certificates;
using UglyToad.PdfPig;

namespace IaptLearning.Web.Tests.Features.Certificates;

public class CpdRecordDocumentTests
{
    [Fact]
    public void Render_NamesReflectionsAndLongText_AllReadBack()
    {
        CertificateFontResolver.EnsureAvailable();
        var longReflection = string.Join(' ', Enumerable.Repeat("Behavioural activation needs a shared diary.", 120));
        CpdEntry[] entries =
        [
            new(1, "long-covid", "Long COVID: what practitioners need to know", "1.0.0", new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc),
                28, TimeSpan.FromMinutes(31), 90, "IAPT-000001", "https://learning.example.nhs.uk/verify/7K3M9QXPABCDEFGH0123456789JK", false,
                "Pacing with Siân O'Brien-Nguyễn", longReflection),
            new(2, "no-certificate", "A module without a certificate", "2.1.0", new DateTime(2026, 3, 6, 9, 0, 0, DateTimeKind.Utc),
                10, TimeSpan.FromMinutes(12), null, null, null, false, "", ""),
        ];

        var pdf = CpdRecordDocument.Render("Siân O'Brien-Nguyễn", entries, new DateTime(2026, 3, 7, 9, 0, 0, DateTimeKind.Utc));

        if (Environment.GetEnvironmentVariable("IAPT_CPD_PDF") is { Length: > 0 } keep)
        {
            File.WriteAllBytes(keep, pdf);
        }

        using var document = PdfDocument.Open(pdf);
        var flat = PdfReadBack.Text(pdf);
        Assert.True(document.NumberOfPages > 1);
        Assert.Contains("Siân O'Brien-Nguyễn", flat);
        Assert.Contains("IAPT-000001", flat);
        Assert.Contains("https://learning.example.nhs.uk/verify/7K3M9QXPABCDEFGH0123456789JK", flat);
        Assert.Contains("5 March 2026", flat);
        Assert.Contains("A module without a certificate", flat);
        Assert.Contains("No assessment", flat);
        Assert.Equal(120, CountOf(flat, "Behavioural activation needs a shared diary."));
        Assert.Equal("CPD record: Siân O'Brien-Nguyễn", document.Information.Title);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
