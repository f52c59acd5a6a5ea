using System.Text;
using IaptLearning.Web.Components.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// The CPD record as a plain A4 PDF: one table of label and value rows per completed module,
/// wrapped to the page, in the certificate's embedded fonts.
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

        using var writer = new Writer(document);
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

        writer.Finish(fonts);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static XFont Font(double size, bool bold) =>
        new(CertificateFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private sealed class Writer(PdfDocument document) : IDisposable
    {
        private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        private readonly StringBuilder _regular = new();
        private readonly StringBuilder _bold = new();
        private XGraphics? _gfx;
        private double _y = PageHeight;

        public void Gap(double points) => _y += points;

        public void Dispose()
        {
            _gfx?.Dispose();
            _measure.Dispose();
        }

        public void Text(string text, double size, bool bold, double width, double x)
        {
            var font = Font(size, bold);
            var lines = Wrap(text, font, width);
            var height = lines.Count * font.GetHeight();
            var gfx = Ensure(height);
            foreach (var line in lines)
            {
                gfx.DrawString(line, font, new XSolidBrush(TextColour), x, _y, XStringFormats.TopLeft);
                _y += font.GetHeight();
            }

            (bold ? _bold : _regular).Append(text);
            _y += 2;
        }

        public void Row(string label, string value, double valueSize = 10)
        {
            var labelFont = Font(10, bold: true);
            var valueFont = Font(valueSize, bold: false);
            var valueWidth = PageWidth - 2 * Margin - LabelWidth - 2 * CellPadding;
            var labelLines = Wrap(label, labelFont, LabelWidth - 2 * CellPadding);
            var valueLines = Wrap(value, valueFont, valueWidth);
            var lineHeight = Math.Max(valueFont.GetHeight(), labelFont.GetHeight());

            // A long reflection may run over pages; draw as many lines as fit, then continue.
            var gfx = Ensure(lineHeight * Math.Min(3, Math.Max(labelLines.Count, valueLines.Count)) + 2 * CellPadding);
            gfx.DrawLine(new XPen(Rule, 0.75), Margin, _y, PageWidth - Margin, _y);
            var top = _y + CellPadding;
            for (var i = 0; i < labelLines.Count; i++)
            {
                gfx.DrawString(labelLines[i], labelFont, new XSolidBrush(TextColour), Margin + CellPadding, top + i * lineHeight, XStringFormats.TopLeft);
            }

            var y = top;
            foreach (var line in valueLines)
            {
                if (y + lineHeight > PageHeight - Margin)
                {
                    gfx = NewPage();
                    y = _y;
                }

                gfx.DrawString(line, valueFont, new XSolidBrush(TextColour), Margin + LabelWidth + CellPadding, y, XStringFormats.TopLeft);
                y += lineHeight;
            }

            _y = Math.Max(y, top + labelLines.Count * lineHeight) + CellPadding;
            _bold.Append(label);
            _regular.Append(value);
        }

        public void Finish(CertificateFontResolver fonts)
        {
            _gfx?.Dispose();
            _gfx = null;
            // As on the certificate: accents stacked on one letter (ễ) need their parts in the font subset.
            var regular = fonts.SubsetClosureHelpers(_regular.ToString(), bold: false);
            var bold = fonts.SubsetClosureHelpers(_bold.ToString(), bold: true);
            if (regular.Length == 0 && bold.Length == 0)
            {
                return;
            }

            using var form = new XForm(document, XUnit.FromPoint(1), XUnit.FromPoint(1));
            using var gfx = XGraphics.FromForm(form);
            if (regular.Length > 0)
            {
                gfx.DrawString(regular, Font(10, bold: false), XBrushes.White, 0, 0);
            }

            if (bold.Length > 0)
            {
                gfx.DrawString(bold, Font(10, bold: true), XBrushes.White, 0, 0);
            }
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

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();

            foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' '))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (_measure.MeasureString(candidate, font).Width <= width)
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }

                    // A word wider than the column is broken wherever it has to be.
                    line = word;
                    while (line.Length > 1 && _measure.MeasureString(line, font).Width > width)
                    {
                        var fit = line.Length - 1;
                        while (fit > 1 && _measure.MeasureString(line[..fit], font).Width > width)
                        {
                            fit--;
                        }

                        lines.Add(line[..fit]);
                        line = line[fit..];
                    }
                }

                lines.Add(line);
            }

            return lines;
        }
    }
}
