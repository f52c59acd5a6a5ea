using System.Collections.Concurrent;
using System.Text;
using IaptLearning.Web.Features.Certificates;
using UglyToad.PdfPig;

namespace IaptLearning.Web.Tests.Features.Certificates;

// Issue 20: the certificate and the CPD record lay their text out the same way, so a name reads
// back the same from both.
public sealed class PdfTextTests
{
    public static TheoryData<string, string, string> NamesInBothDocuments()
    {
        (string Name, string Visual)[] names =
        [
            ("Siân O'Brien-Nguyễn", "Siân O'Brien-Nguyễn"),
            // Joined forms, drawn left to right: yeh final, lam medial, ain initial, then mim initial,
            // hah medial, mim medial, dal final read from the right.
            ("محمد علي", "\uFEF2\uFEE0\uFECB \uFEAA\uFEE4\uFEA4\uFEE3"),
            ("דוד כהן", "ןהכ דוד"),
            ("王小明", "王小明"),
            ("김민준", "김민준"),
            ("王小明 / דוד כהן / Siân", "王小明 / ןהכ דוד / Siân"),
            ("Dr محمد علي, MD", "Dr \uFEF2\uFEE0\uFECB \uFEAA\uFEE4\uFEA4\uFEE3, MD"),
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var document in (string[])["certificate", "CPD record"])
        {
            foreach (var (name, visual) in names)
            {
                data.Add(document, name, visual);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NamesInBothDocuments))]
    public void Render_Name_ReadsBackInVisualOrderFromAFontThatHasIt(string document, string name, string visual)
    {
        var fonts = CertificateFontResolver.EnsureAvailable();
        Assert.True(fonts.HasFallback, "no CJK fallback font: install fonts-droid-fallback");

        var bytes = document == "certificate" ? Certificate(name) : CpdRecord(name);

        Assert.Contains(visual, PdfReadBack.Text(bytes));
        using var pdf = PdfDocument.Open(bytes);
        PdfReadBack.AssertSubsetsComplete(pdf);
        foreach (var page in pdf.GetPages())
        {
            Assert.All(PdfReadBack.Fonts(pdf, page), font => Assert.True(font.Embedded, $"{font.Name} is not embedded"));
            var letters = page.Letters.Where(l => l.Value.Trim().Length > 0 && visual.Contains(l.Value, StringComparison.Ordinal));
            Assert.All(letters, l =>
            {
                Assert.True(l.Width > 0, $"'{l.Value}' has no width");
                Assert.True(Covers(fonts, l.FontName ?? "", l.Value), $"'{l.Value}' is drawn in {l.FontName}, which has no glyph for it");
            });
        }
    }

    private static byte[] Certificate(string name) =>
        CertificateDocument.Render(SampleCertificate.Model() with { LearnerName = name, ModuleTitle = $"{name}: low-intensity CBT" });

    private static byte[] CpdRecord(string name) =>
        CpdRecordDocument.Render(
            name,
            [
                new(1, "lcbt", $"{name}: low-intensity CBT", "3", new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc), 90, TimeSpan.FromMinutes(72),
                    85, "IAPT-2026-000123", "https://learning.example.nhs.uk/verify/7K3M9QXPABCDEFGH0123456789JK", false, name, name),
            ],
            new DateTime(2026, 3, 7, 9, 0, 0, DateTimeKind.Utc));

    // The embedded font a letter is drawn in, judged by its full file: DejaVu (regular or bold)
    // or one of the fallbacks.
    private static bool Covers(CertificateFontResolver fonts, string fontName, string letter)
    {
        string[] files = fontName.Contains("DejaVu", StringComparison.Ordinal)
            ? [fontName.Contains("Bold", StringComparison.Ordinal) ? fonts.BoldPath : fonts.RegularPath]
            : [.. fonts.FallbackPaths];
        var codePoint = Rune.GetRuneAt(letter, 0).Value;
        return files.Any(f => Glyphs.GetOrAdd(f, path => CompositeGlyphs.TryRead(File.ReadAllBytes(path)))?.Covers(codePoint) == true);
    }

    private static readonly ConcurrentDictionary<string, CompositeGlyphs?> Glyphs = new(StringComparer.Ordinal);
}
