using IaptLearning.Web.Components.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// The CPD record as a plain A4 PDF: one table of label and value rows per completed module,
/// wrapped to the page, with the certificate's fonts and text layout (<see cref="PdfText"/>).
/// </summary>
public static class CpdRecordDocument
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 50;
    private const double LabelWidth = 150;
    private const double CellPadding = 4;
    private static readonly XColor Rule = XColor.FromArgb(0xD8, 0xDD, 0xE0);
    private static readonly XColor TextColour = XColor.FromArgb(0x21, 0x2B, 0x32);

    public static byte[] Render(string learnerName, IReadOnlyList<CpdEntry> entries, DateTime producedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(learnerName);
        ArgumentNullException.ThrowIfNull(entries);
        var fonts = CertificateFontResolver.EnsureAvailable();
        using var document = new PdfDocument();
        document.Language = "en-GB";
        document.Info.Title = $"CPD record: {learnerName}";
        document.Info.Author = learnerName;
        document.Info.Subject = "Continuing professional development record";
        document.ViewerPreferences.DisplayDocTitle = true;

        using var text = new PdfText(fonts);
        using var writer = new Writer(document, text);
        writer.Text("CPD record", 20, bold: true, PageWidth - 2 * Margin, Margin);
        writer.Text(learnerName, 13, bold: true, PageWidth - 2 * Margin, Margin);
        writer.Text($"Produced on {UkTime.Date(producedAtUtc)}. {entries.Count} completed {(entries.Count == 1 ? "module" : "modules")}.", 10, bold: false, PageWidth - 2 * Margin, Margin);
        writer.Gap(10);

        foreach (var e in entries)
        {
            writer.Text(e.ModuleTitle, 13, bold: true, PageWidth - 2 * Margin, Margin);
            writer.Row("Date completed", UkTime.Date(e.CompletedAtUtc));
            writer.Row("Module version", e.ModuleVersion);
            writer.Row("CPD time", UkTime.Duration(TimeSpan.FromMinutes(e.CpdMinutes)));
            writer.Row("Active time", UkTime.Spent(e.ActiveTime));
            writer.Row("Score", e.ScorePercent is { } s ? $"{s}%" : "No assessment");
            writer.Row("Certificate", e.CertificateNumber is null ? "None for this module" : e.CertificateNumber + (e.CertificateRevoked ? " (revoked)" : ""));
            if (e.VerificationUrl is { } url)
            {
                // Smaller, so the address stays on one line and copies as one.
                writer.Row("Check it at", url, valueSize: 8);
            }

            writer.Row("What I learned", e.WhatILearned.Length == 0 ? "Not written" : e.WhatILearned);
            writer.Row("How it will change my practice", e.HowItWillChangeMyPractice.Length == 0 ? "Not written" : e.HowItWillChangeMyPractice);
            writer.Gap(14);
        }

        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class Writer(PdfDocument document, PdfText text) : IDisposable
    {
        private readonly XSolidBrush _brush = new(TextColour);
        private readonly XPen _rule = new(Rule, 0.75);
        private XGraphics? _gfx;
        private double _y = PageHeight;

        public void Gap(double points) => _y += points;

        public void Dispose() => _gfx?.Dispose();

        public void Text(string value, double size, bool bold, double width, double x)
        {
            var lines = text.Wrap(value, bold, size, width);
            var lineHeight = PdfText.LineHeight(size);
            var gfx = Ensure(lines.Count * lineHeight);
            foreach (var line in lines)
            {
                text.Draw(gfx, line, bold, size, _brush, x, _y);
                _y += lineHeight;
            }

            _y += 2;
        }

        public void Row(string label, string value, double valueSize = 10)
        {
            const double labelSize = 10;
            var labelLines = text.Wrap(label, bold: true, labelSize, LabelWidth - 2 * CellPadding);
            var valueLines = text.Wrap(value, bold: false, valueSize, PageWidth - 2 * Margin - LabelWidth - 2 * CellPadding);
            var lineHeight = PdfText.LineHeight(Math.Max(labelSize, valueSize));

            // A long reflection may run over pages; draw as many lines as fit, then continue.
            var gfx = Ensure(lineHeight * Math.Min(3, Math.Max(labelLines.Count, valueLines.Count)) + 2 * CellPadding);
            gfx.DrawLine(_rule, Margin, _y, PageWidth - Margin, _y);
            var top = _y + CellPadding;
            for (var i = 0; i < labelLines.Count; i++)
            {
                text.Draw(gfx, labelLines[i], bold: true, labelSize, _brush, Margin + CellPadding, top + i * lineHeight);
            }

            var y = top;
            foreach (var line in valueLines)
            {
                if (y + lineHeight > PageHeight - Margin)
                {
                    gfx = NewPage();
                    y = _y;
                }

                text.Draw(gfx, line, bold: false, valueSize, _brush, Margin + LabelWidth + CellPadding, y);
                y += lineHeight;
            }

            _y = Math.Max(y, top + labelLines.Count * lineHeight) + CellPadding;
        }

        public void Finish()
        {
            _gfx?.Dispose();
            _gfx = null;
            text.CompleteFontSubsets(document);
        }

        private XGraphics Ensure(double height) =>
            _gfx is null || _y + height > PageHeight - Margin ? NewPage() : _gfx;

        private XGraphics NewPage()
        {
            _gfx?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
            return _gfx;
        }
    }
}
