using System.Security.Cryptography;
using IaptLearning.Web.Features.Certificates;
using UglyToad.PdfPig;

namespace IaptLearning.Web.Tests.Features.Certificates;

// Issue 4: names, titles and outcomes in any script. What the certificate and the CPD record
// share (each script reads back in visual order from a font that has it) is PdfTextTests.
public partial class CertificateDocumentTests
{
    [Theory]
    [InlineData("王小明")]
    [InlineData("山田太郎")]
    [InlineData("김민준")]
    public void Render_ChineseJapaneseKoreanName_DrawnWithTheEmbeddedFallbackFont(string name)
    {
        var resolver = CertificateFontResolver.EnsureAvailable();
        Assert.True(resolver.HasFallback, "no CJK fallback font: install fonts-droid-fallback");
        Assert.Empty(resolver.MissingCharacters(name));
        var model = SampleCertificate.Model() with { LearnerName = name, ModuleTitle = $"{name}: low-intensity CBT" };

        var bytes = CertificateDocument.Render(model);

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var fonts = PdfReadBack.Fonts(pdf, page);
        Assert.All(fonts, font => Assert.True(font.Embedded, $"{font.Name} is not embedded"));
        var text = PdfReadBack.Text(bytes);
        Assert.Contains(name, text);
        Assert.Contains($"{name}: low-intensity CBT", text);

        // Each CJK character comes from an embedded fallback font (Droid Sans Fallback, or a
        // Korean one for Hangul), the Latin around it from DejaVu.
        var letters = page.Letters.Where(l => name.Contains(l.Value, StringComparison.Ordinal)).ToList();
        Assert.Equal(name.Length * 2, letters.Count);
        Assert.All(letters, l => Assert.DoesNotContain("DejaVu", l.FontName, StringComparison.Ordinal));
        Assert.All(letters, l => Assert.Contains(fonts, font => font.Name == l.FontName));
        Assert.All(letters, l => Assert.True(l.Width > 0, $"'{l.Value}' has no width"));
        Assert.All(page.Letters.Where(l => l.Value == "C"), l => Assert.Contains("DejaVu", l.FontName, StringComparison.Ordinal));
        Assert.Contains(fonts, font => font.Name.Contains(name[0] >= '\uAC00' ? "Nanum" : "Droid Sans Fallback", StringComparison.Ordinal));
        AssertInsideBorder(page);
    }

    [Fact]
    public void Render_ChineseName_SameModelTwice_GivesIdenticalBytes()
    {
        var model = SampleCertificate.Model() with { LearnerName = "王小明", JobRole = "山田太郎 김민준" };

        var first = CertificateDocument.Render(model);
        var second = CertificateDocument.Render(model);

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Fact]
    public void Render_LongChineseOutcomes_WrapAndStayInsideTheBorder()
    {
        var outcome = string.Concat(Enumerable.Repeat("理解行为激活的基本原理并能够与患者共同制定活动计划", 8));
        var model = SampleCertificate.Model() with { LearningOutcomes = [outcome, outcome], LearnerName = string.Concat(Enumerable.Repeat("王小明", 30)) };

        var bytes = CertificateDocument.Render(model);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        AssertInsideBorder(pdf.GetPage(1));
        Assert.Contains(outcome[..20], PdfReadBack.Text(bytes));
    }

    [Fact]
    public void Render_ArabicName_ShapedAndInVisualOrderWithDejaVuGlyphs()
    {
        var model = SampleCertificate.Model() with { LearnerName = "محمد" };

        var bytes = CertificateDocument.Render(model);

        // Mim initial, hah medial, mim medial, dal final; drawn left to right, so dal first.
        const string visual = "\uFEAA\uFEE4\uFEA4\uFEE3";
        Assert.Contains(visual, PdfReadBack.Text(bytes));
        using var pdf = PdfDocument.Open(bytes);
        var letters = pdf.GetPage(1).Letters.Where(l => visual.Contains(l.Value, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, letters.Count);
        Assert.All(letters, l => Assert.Contains("DejaVu", l.FontName, StringComparison.Ordinal));
        Assert.All(letters, l => Assert.True(l.Width > 0, $"'{l.Value}' has no width"));
        Assert.Equal(letters.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value), letters.Select(l => l.Value));
        AssertSubsetHasGlyphs(pdf, visual);
    }

    // The embedded DejaVu subsets keep a real outline (not an empty glyph) for each character.
    private static void AssertSubsetHasGlyphs(PdfDocument pdf, string characters)
    {
        var resolver = CertificateFontResolver.EnsureAvailable();
        var full = CompositeGlyphs.TryRead(File.ReadAllBytes(resolver.BoldPath));
        Assert.NotNull(full);
        Assert.All(characters.EnumerateRunes(), r => Assert.True(full.Covers(r.Value), $"DejaVu has no glyph for U+{r.Value:X4}"));

        var letters = pdf.GetPage(1).Letters.Where(l => characters.Contains(l.Value, StringComparison.Ordinal)).ToList();
        Assert.All(letters, l => Assert.True(l.BoundingBox.Width > 0 && l.BoundingBox.Height > 0, $"'{l.Value}' has an empty glyph"));
    }
}
