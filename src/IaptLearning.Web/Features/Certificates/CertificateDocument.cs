using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IaptLearning.Web.Components.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
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
    private const double MeasureSize = 10;

    public const string Creator = "IaptLearning";

    public static byte[] Render(CertificateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fonts = CertificateFontResolver.EnsureAvailable();

        using var document = new PdfDocument();
        document.PageLayout = PdfPageLayout.SinglePage;
        document.Language = "en-GB";
        document.ViewerPreferences.DisplayDocTitle = true;
        SetInfo(document, model);

        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        Layout layout;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            // Drawn top to bottom and left to right, because that is the order a screen reader or
            // copy-and-paste takes the text in.
            layout = new Layout(gfx, fonts);
            layout.Draw(model);
        }

        CompleteFontSubsets(document, fonts, layout);

        var seed = Seed(model);
        ReplaceFontSubsetTags(document, seed);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        var pdf = stream.ToArray();
        ReplaceXmpIds(pdf, seed);
        return pdf;
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

    // See CompositeGlyphs: characters drawn into a form that no page shows still go into the
    // font subset, but not into the page's text, so copy-and-paste and screen readers never meet them.
    private static void CompleteFontSubsets(PdfDocument document, CertificateFontResolver fonts, Layout layout)
    {
        var regular = fonts.SubsetClosureHelpers(layout.RegularText, bold: false);
        var bold = fonts.SubsetClosureHelpers(layout.BoldText, bold: true);
        var fallbacks = layout.FallbackText
            .Select(f => (f.Key.Index, f.Key.Bold, Helpers: fonts.FallbackSubsetClosureHelpers(f.Key.Index, f.Value)))
            .Where(f => f.Helpers.Length > 0)
            .ToList();
        if (regular.Length == 0 && bold.Length == 0 && fallbacks.Count == 0)
        {
            return;
        }

        using var form = new XForm(document, XUnit.FromPoint(1), XUnit.FromPoint(1));
        using var gfx = XGraphics.FromForm(form);
        if (regular.Length > 0)
        {
            gfx.DrawString(regular, Layout.Font(MeasureSize, bold: false), XBrushes.White, 0, 0);
        }

        if (bold.Length > 0)
        {
            gfx.DrawString(bold, Layout.Font(MeasureSize, bold: true), XBrushes.White, 0, 0);
        }

        foreach (var (index, isBold, helpers) in fallbacks)
        {
            gfx.DrawString(helpers, Layout.Font(MeasureSize, isBold, index), XBrushes.White, 0, 0);
        }
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

    // PDFsharp 6.2 writes its XMP packet at save time with xmpMM:DocumentID and InstanceID from
    // Guid.NewGuid() and offers no way to set them. The packet is stored uncompressed, so the two
    // UUIDs are overwritten in place with ones derived from the certificate: same length, so every
    // cross-reference offset stays right.
    private static void ReplaceXmpIds(byte[] pdf, byte[] seed)
    {
        var uuid = Encoding.ASCII.GetBytes(new Guid(seed.AsSpan(16, 16)).ToString("D"));
        foreach (var marker in (ReadOnlySpan<string>)["<xmpMM:DocumentID>uuid:", "<xmpMM:InstanceID>uuid:"])
        {
            var at = pdf.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
            if (at >= 0 && at + marker.Length + uuid.Length <= pdf.Length)
            {
                uuid.CopyTo(pdf.AsSpan(at + marker.Length));
            }
        }
    }

    private sealed class Layout(XGraphics gfx, CertificateFontResolver fonts)
    {
        private readonly XGraphics _gfx = gfx;
        private readonly CertificateFontResolver _fonts = fonts;
        private readonly Dictionary<(double Size, bool Bold, int Font), XFont> _fontCache = [];

        // Text drawn with each fallback font, in drawing order, for CompleteFontSubsets.
        private readonly SortedDictionary<(int Index, bool Bold), StringBuilder> _fallbackText = [];
        private readonly XSolidBrush _text = new(TextColour);
        private readonly XSolidBrush _secondary = new(SecondaryTextColour);
        private readonly XSolidBrush _blue = new(NhsBlue);
        private readonly StringBuilder _regularText = new();
        private readonly StringBuilder _boldText = new();

        public string RegularText => _regularText.ToString();
        public string BoldText => _boldText.ToString();
        public IEnumerable<KeyValuePair<(int Index, bool Bold), string>> FallbackText =>
            _fallbackText.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString()));

        public void Draw(CertificateModel model)
        {
            _gfx.DrawRectangle(new XPen(NhsBlue, 3), 18, 18, PageWidth - 36, PageHeight - 36);

            DrawHeader(model);
            _gfx.DrawLine(new XPen(NhsBlue, 1.5), Margin, 84, PageWidth - Margin, 84);

            var centre = XStringAlignment.Center;
            Fit(["Certificate of continuing professional development"], bold: true, 20, 12, new XRect(Margin, 94, ContentWidth, 26), _text, centre);
            Fit(["This certifies that"], bold: false, 10, 8, new XRect(Margin, 124, ContentWidth, 14), _secondary, centre);
            // Room above the name for stacked accents (ễ), which rise above the font's ascent.
            Fit([model.LearnerName], bold: true, 24, 10, new XRect(Margin, 145, ContentWidth, 46), _blue, centre);
            Fit([model.JobRole], bold: false, 11, 7, new XRect(Margin, 192, ContentWidth, 23), _text, centre);
            Fit(["completed the module"], bold: false, 10, 8, new XRect(Margin, 216, ContentWidth, 14), _secondary, centre);
            Fit([model.ModuleTitle], bold: true, 17, 9, new XRect(Margin, 232, ContentWidth, 40), _text, centre);
            Fit([$"Version {model.ModuleVersion} \u00B7 Content hash {model.PrintedContentHash}"], bold: false, 9, 6, new XRect(Margin, 274, ContentWidth, 12), _secondary, centre);

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

                // Fit the logo in 140 x 36 points without distorting it.
                var scale = Math.Min(140 / image.PointWidth, 36 / image.PointHeight);
                var width = image.PointWidth * scale;
                _gfx.DrawImage(image, Margin, 40, width, image.PointHeight * scale);
                textX = Margin + width + 12;
            }

            Fit([model.IssuerName], bold: true, 14, 8, new XRect(textX, 40, PageWidth - Margin - textX, 36), _blue, XStringAlignment.Near, verticalCentre: true);
        }

        private void DrawOutcomes(CertificateModel model)
        {
            const double x = Margin;
            const double width = RightColumnX - 20 - Margin;
            Fit(["Learning outcomes"], bold: true, 10, 10, new XRect(x, 296, width, 14), _text, XStringAlignment.Near);
            var outcomes = model.LearningOutcomes.IsDefaultOrEmpty ? ["Not stated for this module"] : model.LearningOutcomes;
            Fit(outcomes, bold: false, 10, 5.5, new XRect(x, 314, width, 160), _text, XStringAlignment.Near, bullets: true);
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
                Fit([label], bold: false, 8.5, 6, new XRect(RightColumnX, y, width, 11), _secondary, XStringAlignment.Near);
                Fit([value], bold: true, 11, 6, new XRect(RightColumnX, y + 11, width, 15), _text, XStringAlignment.Near);
                y += 32;
            }
        }

        private void DrawVerification(CertificateModel model)
        {
            const double top = PageHeight - Margin - QrSize;
            const double width = PageWidth - 2 * Margin - QrSize - 20;
            _gfx.DrawLine(new XPen(NhsBlue, 0.75), Margin, top - 6, PageWidth - Margin, top - 6);
            Fit(["Check this certificate is genuine: scan the QR code or go to"], bold: false, 9, 7, new XRect(Margin, top + 8, width, 13), _secondary, XStringAlignment.Near);
            Fit([model.VerificationUrl.AbsoluteUri], bold: true, 10, 5, new XRect(Margin, top + 22, width, 14), _blue, XStringAlignment.Near);
            Fit(["Verification code"], bold: false, 9, 7, new XRect(Margin, top + 44, width, 13), _secondary, XStringAlignment.Near);
            Fit([VerificationCode.Format(model.VerificationCode)], bold: true, 11, 6, new XRect(Margin, top + 58, width, 16), _text, XStringAlignment.Near);
            DrawQrCode(model.VerificationUrl.AbsoluteUri, new XRect(PageWidth - Margin - QrSize, top, QrSize, QrSize));
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

            _gfx.DrawPath(_text, path);
        }

        /// <summary>
        /// Wraps paragraphs into the box at the largest size from <paramref name="maxSize"/> down to
        /// <paramref name="minSize"/> that fits. Below the floor text would stop being readable, so
        /// anything still too long there is cut with an ellipsis rather than drawn outside the box.
        /// </summary>
        private void Fit(
            IReadOnlyList<string> paragraphs, bool bold, double maxSize, double minSize, XRect box, XBrush brush,
            XStringAlignment alignment, bool bullets = false, bool verticalCentre = false)
        {
            // Arabic letters take their joined forms before anything is measured; each paragraph
            // keeps its own direction for the reordering of its lines when drawn.
            var shaped = paragraphs.Select(ArabicShaper.Shape).ToArray();
            var rightToLeft = shaped.Select(BidiText.IsRightToLeft).ToArray();
            var words = shaped.Select(p => SplitWords(p).Select(w => (Text: w, Width: Measure(w, bold, MeasureSize))).ToArray()).ToArray();
            var spaceWidth = Measure(" ", bold, MeasureSize);
            var bulletWidth = bullets ? Measure("\u2022 ", bold, MeasureSize) : 0;

            // Sizes in half points from the largest down; fitting only gets easier as the size
            // falls, so a binary search finds the largest that fits in a few wraps.
            var steps = (int)Math.Floor((maxSize - minSize) / 0.5);
            double SizeAt(int step) => step < steps ? maxSize - step * 0.5 : minSize;
            List<List<string>> WrapAt(double size) =>
                [.. words.Select(p => Wrap(p, spaceWidth, box.Width * MeasureSize / size - bulletWidth, bold))];

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

            var lineHeight = LineHeight(size);
            var maxLines = Math.Max(1, (int)Math.Floor((box.Height + 0.01) / lineHeight));
            var font = CachedFont(size, bold, -1);
            var y = box.Y;
            if (verticalCentre)
            {
                y += Math.Max(0, (box.Height - Math.Min(Height(lines, size), box.Height)) / 2);
            }

            var drawn = 0;
            for (var p = 0; p < lines.Count; p++)
            {
                var paragraph = lines[p];
                for (var i = 0; i < paragraph.Count; i++)
                {
                    if (drawn == maxLines)
                    {
                        return;
                    }

                    var text = paragraph[i];
                    var lastRoom = drawn == maxLines - 1 && (i < paragraph.Count - 1 || paragraph != lines[^1]);
                    if (lastRoom)
                    {
                        text = Ellipsise(text, bold, size, box.Width - bulletWidth * size / MeasureSize);
                    }

                    text = BidiText.ToVisual(text, rightToLeft[p]);

                    var indent = bulletWidth * size / MeasureSize;
                    var x = box.X + indent;
                    if (alignment == XStringAlignment.Center)
                    {
                        x = box.X + (box.Width - Measure(text, bold, size)) / 2;
                    }

                    if (bullets && i == 0)
                    {
                        _gfx.DrawString("\u2022", font, brush, box.X, y, XStringFormats.TopLeft);
                        (bold ? _boldText : _regularText).Append('\u2022');
                    }

                    DrawRuns(text, bold, size, brush, x, y);
                    y += lineHeight;
                    drawn++;
                }

                y += ParagraphGap(size);
            }
        }

        // Drawn run by run, each in the family that has its glyphs (see FontRuns).
        private void DrawRuns(string text, bool bold, double size, XBrush brush, double x, double y)
        {
            foreach (var (run, index) in FontRuns(text, bold))
            {
                var font = CachedFont(size, bold, index);
                _gfx.DrawString(run, font, brush, x, y, XStringFormats.TopLeft);
                if (index < 0)
                {
                    (bold ? _boldText : _regularText).Append(run);
                }
                else
                {
                    (_fallbackText.TryGetValue((index, bold), out var drawn) ? drawn : _fallbackText[(index, bold)] = new()).Append(run);
                }

                x += _gfx.MeasureString(run, font).Width;
            }
        }

        // Consecutive characters the main family draws, or the fallback (CJK) draws; a mark stays
        // with the character before it.
        private List<(string Text, int Font)> FontRuns(string text, bool bold)
        {
            var runs = new List<(string, int)>();
            var run = new StringBuilder();
            var current = -1;
            foreach (var rune in text.EnumerateRunes())
            {
                var fallback = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark && run.Length > 0
                    ? current
                    : _fonts.FontFor(rune.Value, bold);
                if (run.Length > 0 && fallback != current)
                {
                    runs.Add((run.ToString(), current));
                    run.Clear();
                }

                current = fallback;
                run.Append(rune.ToString());
            }

            if (run.Length > 0)
            {
                runs.Add((run.ToString(), current));
            }

            return runs;
        }

        private XFont CachedFont(double size, bool bold, int index)
        {
            if (!_fontCache.TryGetValue((size, bold, index), out var font))
            {
                _fontCache[(size, bold, index)] = font = Font(size, bold, index);
            }

            return font;
        }

        private string Ellipsise(string text, bool bold, double size, double width)
        {
            if (Measure(text + "\u2026", bold, size) <= width)
            {
                return text + "\u2026";
            }

            // The most text elements that still fit with the ellipsis, by binary search.
            var elements = TextElements(text);
            int low = 0, high = elements.Count;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (Measure(string.Concat(elements.Take(middle)) + "\u2026", bold, size) <= width)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return string.Concat(elements.Take(low)).TrimEnd() + "\u2026";
        }

        private double Measure(string text, bool bold, double size) =>
            FontRuns(text, bold).Sum(r => _gfx.MeasureString(r.Text, CachedFont(size, bold, r.Font)).Width);

        private List<string> Wrap((string Text, double Width)[] words, double spaceWidth, double lineWidth, bool bold)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            var width = 0.0;
            foreach (var (text, wordWidth) in words)
            {
                if (line.Length > 0 && width + spaceWidth + wordWidth <= lineWidth)
                {
                    line.Append(' ').Append(text);
                    width += spaceWidth + wordWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                if (wordWidth <= lineWidth)
                {
                    line.Append(text);
                    width = wordWidth;
                    continue;
                }

                // A "word" wider than the box (a long hyphen-less name, an address): break it
                // between characters, never inside a letter and its accents.
                width = 0;
                var widths = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var element in TextElements(text))
                {
                    if (!widths.TryGetValue(element, out var elementWidth))
                    {
                        widths[element] = elementWidth = Measure(element, bold, MeasureSize);
                    }

                    if (line.Length > 0 && width + elementWidth > lineWidth)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        width = 0;
                    }

                    line.Append(element);
                    width += elementWidth;
                }
            }

            if (line.Length > 0 || lines.Count == 0)
            {
                lines.Add(line.ToString());
            }

            return lines;
        }

        private static double Height(List<List<string>> lines, double size) =>
            lines.Sum(p => p.Count) * LineHeight(size) + (lines.Count - 1) * ParagraphGap(size);

        private static double LineHeight(double size) => size * 1.22;

        private static double ParagraphGap(double size) => size * 0.3;

        private static string[] SplitWords(string text) =>
            text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        private static List<string> TextElements(string text)
        {
            var elements = new List<string>(text.Length);
            var enumerator = StringInfo.GetTextElementEnumerator(text);
            while (enumerator.MoveNext())
            {
                elements.Add(enumerator.GetTextElement());
            }

            return elements;
        }

        // index: -1 for the main family, else which fallback (CertificateFontResolver.FontFor).
        public static XFont Font(double size, bool bold, int index = -1) =>
            new(index < 0 ? CertificateFontResolver.FamilyName : CertificateFontResolver.FallbackFamily(index), size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode));
    }
}
