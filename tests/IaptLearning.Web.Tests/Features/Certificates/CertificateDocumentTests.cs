using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IaptLearning.Web.Features.Certificates;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace IaptLearning.Web.Tests.Features.Certificates;

public partial class CertificateDocumentTests
{
    [Fact]
    public void Render_SampleCertificate_EveryFieldIsExtractable()
    {
        var model = SampleCertificate.Model();

        var text = PdfReadBack.Text(CertificateDocument.Render(model));

        Assert.Contains("Priya Shah", text);
        Assert.Contains("Psychological Wellbeing Practitioner", text);
        Assert.Contains("Low-intensity CBT: behavioural activation", text);
        Assert.Contains("Version 3", text);
        Assert.Contains("Content hash 1a2b3c4d5e6f", text);
        Assert.DoesNotContain("1a2b3c4d5e6f7", text);
        foreach (var outcome in model.LearningOutcomes)
        {
            Assert.Contains(outcome, text);
        }

        Assert.Contains("1 hour 30 minutes", text);
        Assert.Contains("1 hour 12 minutes", text);
        Assert.Contains("85%", text);
        Assert.Contains("26 November 2026", text);
        Assert.Contains("IAPT-2026-000123", text);
        Assert.Contains("Example NHS Talking Therapies Service", text);
        Assert.Contains("https://learning.example.nhs.uk/verify/7K3M9QXPABCDEFGH0123456789JK", text);
        Assert.Contains("7K3M-9QXP-ABCD-EFGH-0123-4567-89JK", text);
    }

    [Fact]
    public void Render_SampleCertificate_TextIsInReadingOrder()
    {
        var text = PdfReadBack.Text(CertificateDocument.Render(SampleCertificate.Model()));

        string[] order =
        [
            "Example NHS Talking Therapies Service", "Certificate of continuing professional development", "Priya Shah",
            "Psychological Wellbeing Practitioner", "Low-intensity CBT", "Learning outcomes", "Explain the rationale",
            "CPD time", "Certificate number", "Check this certificate", "https://learning.example.nhs.uk/verify/",
        ];
        var positions = order.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToArray();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Render_NoAssessment_SaysSoInsteadOfAScore()
    {
        var model = SampleCertificate.Model() with { AssessmentScorePercent = null };

        var text = PdfReadBack.Text(CertificateDocument.Render(model));

        Assert.Contains("No assessment in this module", text);
        Assert.DoesNotContain("%", text);
    }

    [Fact]
    public void Render_SampleCertificate_OneA4LandscapePageWithMetadataAndEmbeddedFonts()
    {
        using var pdf = PdfDocument.Open(CertificateDocument.Render(SampleCertificate.Model()));

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Equal(842, page.Width, 0);
        Assert.Equal(595, page.Height, 0);
        Assert.Equal("CPD certificate IAPT-2026-000123: Low-intensity CBT: behavioural activation", pdf.Information.Title);
        Assert.Equal("Example NHS Talking Therapies Service", pdf.Information.Author);
        Assert.Contains("Priya Shah", pdf.Information.Subject);
        Assert.Contains("IAPT-2026-000123", pdf.Information.Keywords);

        var fonts = PdfReadBack.Fonts(pdf, page);
        Assert.Equal(2, fonts.Count);
        Assert.All(fonts, font => Assert.True(font.Embedded, $"{font.Name} is not embedded"));
        Assert.All(fonts, font => Assert.Contains("DejaVu Sans", font.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NonLatinName_IsExtractedExactly()
    {
        var model = SampleCertificate.Model() with { LearnerName = "Siân O'Brien-Nguyễn", JobRole = "Ψυχολόγος / Психолог" };

        var text = PdfReadBack.Text(CertificateDocument.Render(model));

        Assert.Contains("Siân O'Brien-Nguyễn", text);
        Assert.Contains("Ψυχολόγος / Психолог", text);
    }

    [Fact]
    public void Render_VietnameseName_SubsetKeepsEveryAccent()
    {
        // empira/PDFsharp#348: without help, "ễ" keeps its text but prints as a bare "e".
        var model = SampleCertificate.Model() with { LearnerName = "Siân O'Brien-Nguyễn", JobRole = "Điều dưỡng viên: Phạm Thị Hồng Nhung, Trần Quốc Việt" };

        using var pdf = PdfDocument.Open(CertificateDocument.Render(model));

        Assert.Equal(2, PdfReadBack.FontFiles(pdf, pdf.GetPage(1)).Count);
        PdfReadBack.AssertSubsetsComplete(pdf);
        Assert.Contains("Siân O'Brien-Nguyễn", PdfReadBack.Text(CertificateDocument.Render(model)));
    }

    [Fact]
    public void Render_120CharacterName_WrapsAndStaysWholeOnOnePage()
    {
        var name = string.Join(' ', Enumerable.Repeat("Alexandra-Bartholomew", 6))[..120];
        var model = SampleCertificate.Model() with { LearnerName = name };

        var bytes = CertificateDocument.Render(model);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains(name, PdfReadBack.Text(bytes));
        AssertInsideBorder(pdf.GetPage(1));
    }

    [Fact]
    public void Render_EightLongOutcomesAndLongTitle_StayOnOnePageInsideTheBorder()
    {
        var outcomes = Enumerable.Range(1, 8)
            .Select(i => $"Outcome {i}: " + string.Concat(Enumerable.Repeat("recognise, formulate and review a patient's presenting difficulties together ", 4))[..288])
            .ToArray();
        var title = string.Concat(Enumerable.Repeat("Working with long-term conditions and persistent physical symptoms ", 3)).Trim();
        var model = SampleCertificate.Model() with { LearningOutcomes = [.. outcomes], ModuleTitle = title };

        var bytes = CertificateDocument.Render(model);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = PdfReadBack.Text(bytes);
        foreach (var outcome in outcomes)
        {
            Assert.Contains(outcome, text);
        }

        Assert.Contains(title, text);
        var page = pdf.GetPage(1);
        AssertInsideBorder(page);

        // Shrunk to fit, but not below the readable floor.
        Assert.All(page.Letters, letter => Assert.True(letter.PointSize >= 5.5, $"'{letter.Value}' at {letter.PointSize}pt"));
    }

    [Fact]
    public void Render_AbsurdlyLongName_IsCutWithEllipsisInsteadOfOverflowing()
    {
        var model = SampleCertificate.Model() with { LearnerName = new string('W', 2_000) };

        var bytes = CertificateDocument.Render(model);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("\u2026", PdfReadBack.Text(bytes));
        AssertInsideBorder(pdf.GetPage(1));
    }

    [Fact]
    public void Render_SameModelTwice_GivesIdenticalBytes()
    {
        var first = CertificateDocument.Render(SampleCertificate.Model());
        var second = CertificateDocument.Render(SampleCertificate.Model());

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Fact]
    public void Render_ManyAtOnce_AllGiveTheSameBytes()
    {
        var expected = SHA256.HashData(CertificateDocument.Render(SampleCertificate.Model()));
        var hashes = new byte[16][];

        Parallel.For(0, hashes.Length, i => hashes[i] = SHA256.HashData(CertificateDocument.Render(SampleCertificate.Model())));

        Assert.All(hashes, hash => Assert.Equal(expected, hash));
    }

    [Fact]
    public void Render_SampleCertificate_DatesAreTheIssueDateNotNow()
    {
        using var pdf = PdfDocument.Open(CertificateDocument.Render(SampleCertificate.Model()));

        Assert.Equal(SampleCertificate.Model().IssuedAt, pdf.Information.GetCreatedDateTimeOffset());
        Assert.Equal(SampleCertificate.Model().IssuedAt, pdf.Information.GetModifiedDateTimeOffset());
    }

    [Fact]
    public void Render_OldCertificate_HoldsNoTraceOfTodaysDate()
    {
        // Two renders in the same second would hide a "now" with second precision; a date would not.
        var model = SampleCertificate.Model() with { IssuedAt = new DateTimeOffset(2024, 3, 5, 14, 0, 0, TimeSpan.Zero) };
        var today = DateTime.UtcNow;

        var raw = System.Text.Encoding.Latin1.GetString(CertificateDocument.Render(model));

        Assert.DoesNotContain(today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), raw);
        Assert.DoesNotContain(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), raw);
        Assert.Contains("D:20240305140000", raw);
    }

    [Fact]
    public void Render_DifferentCertificates_GiveDifferentDocumentIds()
    {
        var first = CertificateDocument.Render(SampleCertificate.Model());
        var second = CertificateDocument.Render(SampleCertificate.Model() with { CertificateNumber = "IAPT-2026-000124" });

        Assert.NotEqual(TrailerId(first), TrailerId(second));
    }

    [Fact]
    public void Render_WithLogo_DrawsTheImageAndKeepsTheIssuerName()
    {
        var model = SampleCertificate.Model() with { IssuerLogoPng = TestPng.Rgba(120, 40) };

        var bytes = CertificateDocument.Render(model);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Single(pdf.GetPage(1).GetImages());
        Assert.Contains("Example NHS Talking Therapies Service", PdfReadBack.Text(bytes));
    }

    [Fact]
    public void Render_SampleCertificate_IsSmallAndHasNoActiveContent()
    {
        var bytes = CertificateDocument.Render(SampleCertificate.Model());

        Assert.InRange(bytes.Length, 1, 100 * 1024);
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain("/JavaScript", raw);
        Assert.DoesNotContain("/Launch", raw);
        Assert.DoesNotContain("/EmbeddedFile", raw);
    }

    [Fact]
    public void EnsureLogoReadable_RgbaPng_DoesNotThrow() =>
        CertificateDocument.EnsureLogoReadable(TestPng.Rgba(16, 16));

    [Fact]
    public void EnsureLogoReadable_NotAnImage_ThrowsWithReason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CertificateDocument.EnsureLogoReadable("<svg/>"u8.ToArray()));

        Assert.Contains("certificate logo", error.Message);
    }

    [Theory]
    [InlineData("low-intensity-cbt", "cpd-certificate-low-intensity-cbt-2026-11-26.pdf")]
    [InlineData("../Evil\"Name\r\n.pdf", "cpd-certificate-evil-name-pdf-2026-11-26.pdf")]
    [InlineData("", "cpd-certificate-module-2026-11-26.pdf")]
    public void FileName_Slug_IsSafeAndDated(string slug, string expected) =>
        Assert.Equal(expected, CertificateDocument.FileName(slug, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void FileName_LateEveningInBritishSummerTime_UsesTheLondonDate() =>
        Assert.Equal(
            "cpd-certificate-m-2026-07-01.pdf",
            CertificateDocument.FileName("m", new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)));

    private static void AssertInsideBorder(Page page) =>
        Assert.All(page.Letters, letter =>
        {
            var box = letter.BoundingBox;
            Assert.True(box.Left >= 21 && box.Right <= page.Width - 21 && box.Bottom >= 21 && box.Top <= page.Height - 21,
                $"'{letter.Value}' at {box} is outside the border");
        });

    private static string TrailerId(byte[] pdf)
    {
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        return IdPattern().Match(raw).Value;
    }

    [GeneratedRegex(@"/ID\s*\[\s*<[0-9A-Fa-f]+>")]
    private static partial Regex IdPattern();
}
