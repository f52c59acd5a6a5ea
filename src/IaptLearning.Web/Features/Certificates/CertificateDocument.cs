using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IaptLearning.Web.Components.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using QRCoder;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// Renders a <see cref="CertificateModel"/> as a one-page A4 landscape PDF. Everything printed comes
/// from the model, and the dates and document ID inside the file are derived from it too, so the
/// same certificate always renders to the same bytes.
/// </summary>
public static class CertificateDocument
{
    private static readonly XColor NhsBlue = XColor.FromArgb(0x00, 0x5E, 0xB8);
    private static readonly XColor TextColour = XColor.FromArgb(0x21, 0x2B, 0x32);
    private static readonly XColor SecondaryTextColour = XColor.FromArgb(0x4C, 0x62, 0x72);

    // A4 landscape in points; the layout below is in the same units.
    private const double PageWidth = 841.89;
    private const double PageHeight = 595.28;
    private const double Margin = 40;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double RightColumnX = 600;
    private const double QrSize = 80;

    public const string Creator = "IaptLearning";
    public const string Language = "en-GB";

    public static byte[] Render(CertificateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fonts = CertificateFontResolver.EnsureAvailable();

        using var document = new PdfDocument();
        document.PageLayout = PdfPageLayout.SinglePage;
        SetInfo(document, model);
        using var text = new PdfText(fonts);

        // PDFsharp's PDF/UA mode refuses drawing into a form, which the subset helpers need
        // (PdfText.CompleteFontSubsets), so a dry run on a measure context, which draws nothing,
        // learns what the page will hold and the helpers go in before tagging starts.
        using (var dryRun = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards))
        {
            new Layout(dryRun, text, structure: null).Draw(model);
        }

        text.CompleteFontSubsets(document);
        var structure = UAManager.ForDocument(document).StructureBuilder;

        // After the UAManager, which sets plain "en".
        document.Language = Language;
        document.ViewerPreferences.DisplayDocTitle = true;

        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            // Drawn top to bottom and left to right, because that is the order a screen reader or
            // copy-and-paste takes the text in; the structure tree follows the same order.
            new Layout(gfx, text, structure).Draw(model);
        }

        var seed = Seed(model);
        ReplaceFontSubsetTags(document, seed);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return PdfUaMetadata.Replace(stream.ToArray(), document, new Guid(seed.AsSpan(16, 16)));
    }

    /// <summary>
    /// Throws, with the reason, if a logo is not an image PDFsharp can embed. Meant for start-up,
    /// when the logo is configured, so that no learner's download is the first to find out.
    /// </summary>
    public static void EnsureLogoReadable(ReadOnlyMemory<byte> png)
    {
        try
        {
            // Drawing and saving for real, because PDFsharp decodes the pixels only then.
            using var document = new PdfDocument();
            using var stream = new MemoryStream(png.ToArray(), writable: false);
            using var image = XImage.FromStream(stream);
            using (var gfx = XGraphics.FromPdfPage(document.AddPage()))
            {
                gfx.DrawImage(image, 0, 0, 10, 10);
            }

            document.Save(Stream.Null, closeStream: false);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or NotSupportedException or FormatException or IndexOutOfRangeException)
        {
            throw new InvalidOperationException("The certificate logo cannot be embedded; use an 8-bit RGB or RGBA PNG. " + e.Message, e);
        }
    }

    /// <summary><c>cpd-certificate-{module-slug}-{yyyy-MM-dd}.pdf</c>, the date being the UK issue date.</summary>
    public static string FileName(string moduleSlug, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(moduleSlug);

        // The name goes into Content-Disposition, so only [a-z0-9-] survives whatever the slug holds.
        var slug = new StringBuilder(moduleSlug.Length);
        foreach (var c in moduleSlug.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var cleaned = slug.ToString().Trim('-');
        if (cleaned.Length > 80)
        {
            cleaned = cleaned[..80].TrimEnd('-');
        }

        var date = UkTime.ToLondon(issuedAt.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"cpd-certificate-{(cleaned.Length == 0 ? "module" : cleaned)}-{date}.pdf";
    }

    private static void SetInfo(PdfDocument document, CertificateModel model)
    {
        var info = document.Info;
        info.Title = $"CPD certificate {model.CertificateNumber}: {model.ModuleTitle}";
        info.Author = model.IssuerName;
        info.Subject = $"Certificate of continuing professional development for {model.LearnerName}: {model.ModuleTitle} (version {model.ModuleVersion})";
        info.Keywords = $"CPD certificate, {model.CertificateNumber}, NHS Talking Therapies";
        info.Creator = Creator;

        // PDFsharp would stamp "now" and a random GUID; both would make every download differ.
        var issued = model.IssuedAt.UtcDateTime;
        info.CreationDate = issued;
        info.ModificationDate = issued;
        var id = Encoding.Latin1.GetString(Seed(model), 0, 16);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
    }

    private static byte[] Seed(CertificateModel model) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{model.CertificateNumber}\n{model.VerificationCode}"));

    // PDFsharp tags each embedded font subset with six letters from Guid.NewGuid() (the tag only
    // has to differ between subsets in one file, ISO 32000-1 9.6.4), so derive them from the
    // certificate and the font name instead.
    private static void ReplaceFontSubsetTags(PdfDocument document, byte[] seed)
    {
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dictionary)
            {
                continue;
            }

            foreach (var key in (ReadOnlySpan<string>)["/BaseFont", "/FontName"])
            {
                var name = dictionary.Elements.GetName(key);
                if (name.Length > 8 && name[0] == '/' && name[7] == '+')
                {
                    var baseName = name[8..];
                    var hash = SHA256.HashData([.. seed, .. Encoding.UTF8.GetBytes(baseName)]);
                    var tag = string.Concat(hash.Take(6).Select(b => (char)('A' + b % 26)));
                    dictionary.Elements.SetName(key, $"/{tag}+{baseName}");
                }
            }
        }
    }

    /// <summary>The QR code's alternative text: what it is and the address it holds.</summary>
    public static string QrCodeAltText(string verificationUrl) =>
        $"QR code that opens this certificate's verification page at {verificationUrl}";

    private sealed class Layout(XGraphics gfx, PdfText text, StructureBuilder? structure)
    {
        private readonly XGraphics _gfx = gfx;
        private readonly PdfText _text = text;
        private readonly StructureBuilder? _structure = structure;
        private readonly XSolidBrush _textBrush = new(TextColour);
        private readonly XSolidBrush _secondary = new(SecondaryTextColour);
        private readonly XSolidBrush _blue = new(NhsBlue);

        public void Draw(CertificateModel model)
        {
            Artifact(() => _gfx.DrawRectangle(new XPen(NhsBlue, 3), 18, 18, PageWidth - 36, PageHeight - 36));

            DrawHeader(model);
            Artifact(() => _gfx.DrawLine(new XPen(NhsBlue, 1.5), Margin, 84, PageWidth - Margin, 84));

            var centre = XStringAlignment.Center;
            const PdfBlockLevelElementTag p = PdfBlockLevelElementTag.Paragraph;
            Fit(PdfBlockLevelElementTag.Heading1, ["Certificate of continuing professional development"], bold: true, 20, 12, new XRect(Margin, 94, ContentWidth, 26), _textBrush, centre);
            Fit(p, ["This certifies that"], bold: false, 10, 8, new XRect(Margin, 124, ContentWidth, 14), _secondary, centre);
            // Room above the name for stacked accents (ễ), which rise above the font's ascent.
            Fit(p, [model.LearnerName], bold: true, 24, 10, new XRect(Margin, 145, ContentWidth, 46), _blue, centre);
            Fit(p, [model.JobRole], bold: false, 11, 7, new XRect(Margin, 192, ContentWidth, 23), _textBrush, centre);
            Fit(p, ["completed the module"], bold: false, 10, 8, new XRect(Margin, 216, ContentWidth, 14), _secondary, centre);
            Fit(p, [model.ModuleTitle], bold: true, 17, 9, new XRect(Margin, 232, ContentWidth, 40), _textBrush, centre);
            Fit(p, [$"Version {model.ModuleVersion} \u00B7 Content hash {model.PrintedContentHash}"], bold: false, 9, 6, new XRect(Margin, 274, ContentWidth, 12), _secondary, centre);

            DrawOutcomes(model);
            DrawDetails(model);
            DrawVerification(model);
        }

        private void DrawHeader(CertificateModel model)
        {
            var textX = Margin;
            if (model.IssuerLogoPng is { } logo && !logo.IsEmpty)
            {
                using var stream = new MemoryStream(logo.ToArray(), writable: false);
                using var image = XImage.FromStream(stream);

                // Fit the logo in 140 x 36 points without distorting it. An artifact: the issuer's
                // name beside it says all it says.
                var scale = Math.Min(140 / image.PointWidth, 36 / image.PointHeight);
                var width = image.PointWidth * scale;
                Artifact(() => _gfx.DrawImage(image, Margin, 40, width, image.PointHeight * scale));
                textX = Margin + width + 12;
            }

            Fit(PdfBlockLevelElementTag.Paragraph, [model.IssuerName], bold: true, 14, 8, new XRect(textX, 40, PageWidth - Margin - textX, 36), _blue, XStringAlignment.Near, verticalCentre: true);
        }

        private void DrawOutcomes(CertificateModel model)
        {
            const double x = Margin;
            const double width = RightColumnX - 20 - Margin;
            Fit(PdfBlockLevelElementTag.Heading2, ["Learning outcomes"], bold: true, 10, 10, new XRect(x, 296, width, 14), _textBrush, XStringAlignment.Near);
            var outcomes = model.LearningOutcomes.IsDefaultOrEmpty ? ["Not stated for this module"] : model.LearningOutcomes;
            Fit(PdfBlockLevelElementTag.List, outcomes, bold: false, 10, 5.5, new XRect(x, 314, width, 160), _textBrush, XStringAlignment.Near, bullets: true);
        }

        private void DrawDetails(CertificateModel model)
        {
            (string Label, string Value)[] details =
            [
                ("CPD time", UkTime.Duration(TimeSpan.FromMinutes(model.CpdMinutes))),
                ("Active learning time recorded", UkTime.Spent(model.ActiveTime)),
                ("Assessment score", model.AssessmentScorePercent is { } score ? $"{score}%" : "No assessment in this module"),
                ("Date issued", UkTime.Date(model.IssuedAt.UtcDateTime)),
                ("Certificate number", model.CertificateNumber),
            ];
            const double width = PageWidth - Margin - RightColumnX;
            var y = 296.0;
            foreach (var (label, value) in details)
            {
                Fit(PdfBlockLevelElementTag.Paragraph, [label], bold: false, 8.5, 6, new XRect(RightColumnX, y, width, 11), _secondary, XStringAlignment.Near);
                Fit(PdfBlockLevelElementTag.Paragraph, [value], bold: true, 11, 6, new XRect(RightColumnX, y + 11, width, 15), _textBrush, XStringAlignment.Near);
                y += 32;
            }
        }

        private void DrawVerification(CertificateModel model)
        {
            const double top = PageHeight - Margin - QrSize;
            const double width = PageWidth - 2 * Margin - QrSize - 20;
            const PdfBlockLevelElementTag p = PdfBlockLevelElementTag.Paragraph;
            var url = model.VerificationUrl.AbsoluteUri;
            Artifact(() => _gfx.DrawLine(new XPen(NhsBlue, 0.75), Margin, top - 6, PageWidth - Margin, top - 6));
            Fit(p, ["Check this certificate is genuine: scan the QR code or go to"], bold: false, 9, 7, new XRect(Margin, top + 8, width, 13), _secondary, XStringAlignment.Near);
            Fit(p, [url], bold: true, 10, 5, new XRect(Margin, top + 22, width, 14), _blue, XStringAlignment.Near);
            Fit(p, ["Verification code"], bold: false, 9, 7, new XRect(Margin, top + 44, width, 13), _secondary, XStringAlignment.Near);
            Fit(p, [VerificationCode.Format(model.VerificationCode)], bold: true, 11, 6, new XRect(Margin, top + 58, width, 16), _textBrush, XStringAlignment.Near);

            var box = new XRect(PageWidth - Margin - QrSize, top, QrSize, QrSize);

            // The bounding box goes into the file as it is, so in PDF space (origin bottom left).
            _structure?.BeginElement(PdfIllustrationElementTag.Figure, QrCodeAltText(url), new XRect(box.X, PageHeight - box.Bottom, box.Width, box.Height));
            DrawQrCode(url, box);
            End();
        }

        // Vector modules rather than a PNG: sharp at any print size and a few hundred bytes.
        private void DrawQrCode(string text, XRect box)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
            var matrix = data.ModuleMatrix;
            var module = box.Width / matrix.Count;
            var path = new XGraphicsPath { FillMode = XFillMode.Winding };
            for (var row = 0; row < matrix.Count; row++)
            {
                var bits = matrix[row];
                var column = 0;
                while (column < bits.Length)
                {
                    if (!bits[column])
                    {
                        column++;
                        continue;
                    }

                    // One rectangle per run of dark modules keeps the content stream small.
                    var start = column;
                    while (column < bits.Length && bits[column])
                    {
                        column++;
                    }

                    path.AddRectangle(box.X + start * module, box.Y + row * module, (column - start) * module, module);
                }
            }

            _gfx.DrawPath(_textBrush, path);
        }

        /// <summary>
        /// Wraps paragraphs into the box at the largest size from <paramref name="maxSize"/> down to
        /// <paramref name="minSize"/> that fits, tagged as <paramref name="tag"/> (with bullets, a list
        /// of one item per paragraph). Below the floor text would stop being readable, so anything
        /// still too long there is cut with an ellipsis rather than drawn outside the box.
        /// </summary>
        private void Fit(
            PdfBlockLevelElementTag tag, IReadOnlyList<string> paragraphs, bool bold, double maxSize, double minSize, XRect box, XBrush brush,
            XStringAlignment alignment, bool bullets = false, bool verticalCentre = false)
        {
            var bullet = new TextLine("\u2022 ", RightToLeft: false);
            double Indent(double size) => bullets ? _text.Measure(bullet.Text, bold, size) : 0;
            List<List<TextLine>> WrapAt(double size) =>
                [.. paragraphs.Select(p => _text.Wrap(p, bold, size, box.Width - Indent(size)))];

            // Sizes in half points from the largest down; fitting only gets easier as the size
            // falls, so a binary search finds the largest that fits in a few wraps.
            var steps = (int)Math.Floor((maxSize - minSize) / 0.5);
            double SizeAt(int step) => step < steps ? maxSize - step * 0.5 : minSize;

            var size = maxSize;
            var lines = WrapAt(size);
            if (Height(lines, size) > box.Height)
            {
                int low = 1, high = steps;
                while (low < high)
                {
                    var middle = (low + high) / 2;
                    if (Height(WrapAt(SizeAt(middle)), SizeAt(middle)) <= box.Height)
                    {
                        high = middle;
                    }
                    else
                    {
                        low = middle + 1;
                    }
                }

                size = SizeAt(low);
                lines = WrapAt(size);
            }

            var lineHeight = PdfText.LineHeight(size);
            var maxLines = Math.Max(1, (int)Math.Floor((box.Height + 0.01) / lineHeight));
            var indent = Indent(size);
            var y = box.Y;
            if (verticalCentre)
            {
                y += Math.Max(0, (box.Height - Math.Min(Height(lines, size), box.Height)) / 2);
            }

            Begin(tag);
            var drawn = 0;
            for (var p = 0; p < lines.Count && drawn < maxLines; p++)
            {
                if (bullets)
                {
                    Begin(PdfBlockLevelElementTag.ListItem);
                    Begin(PdfBlockLevelElementTag.Label);
                    _text.Draw(_gfx, bullet with { Text = "\u2022" }, bold, size, brush, box.X, y);
                    End();
                    Begin(PdfBlockLevelElementTag.ListBody);
                }

                SetActualText(paragraphs[p]);
                var paragraph = lines[p];
                for (var i = 0; i < paragraph.Count && drawn < maxLines; i++)
                {
                    var line = paragraph[i];
                    var lastRoom = drawn == maxLines - 1 && (i < paragraph.Count - 1 || paragraph != lines[^1]);
                    if (lastRoom)
                    {
                        line = _text.Ellipsise(line, bold, size, box.Width - indent);
                    }

                    var x = alignment == XStringAlignment.Center ? box.X + (box.Width - _text.Measure(line.Text, bold, size)) / 2 : box.X + indent;
                    _text.Draw(_gfx, line, bold, size, brush, x, y);
                    y += lineHeight;
                    drawn++;
                }

                if (bullets)
                {
                    End();
                    End();
                }

                y += ParagraphGap(size);
            }

            End();
        }

        // Marked content must nest with text objects (ISO 32000-1 14.6): PDFsharp would write an element's
        // EMC inside the text object its BDC came before, and an artifact begun inside a text object would
        // end outside it. So the text object is closed before each element or artifact begins and ends.
        private void Begin(PdfBlockLevelElementTag tag)
        {
            if (_structure is not null)
            {
                PdfRendererExtensions.BeginGraphicMode(_gfx);
                _structure.BeginElement(tag);
            }
        }

        private void End()
        {
            if (_structure is not null)
            {
                PdfRendererExtensions.BeginGraphicMode(_gfx);
                _structure.End();
            }
        }

        private void Artifact(Action draw)
        {
            if (_structure is not null)
            {
                PdfRendererExtensions.BeginGraphicMode(_gfx);
                _structure.BeginArtifact();
            }

            draw();
            End();
        }

        // Right-to-left text is drawn shaped and in visual order, which reads backwards from the
        // page; the element's /ActualText gives a screen reader the text as it was written.
        private void SetActualText(string paragraph)
        {
            if (_structure is not null && BidiText.HasRightToLeft(paragraph))
            {
                _structure.CurrentStructureElement.Elements.SetString("/ActualText", paragraph);
            }
        }

        private static double Height(List<List<TextLine>> lines, double size) =>
            lines.Sum(p => p.Count) * PdfText.LineHeight(size) + (lines.Count - 1) * ParagraphGap(size);

        private static double ParagraphGap(double size) => size * 0.3;
    }
}
