using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>One line of wrapped text, in logical order and already shaped; <see cref="PdfText.Draw"/> reorders it.</summary>
internal readonly record struct TextLine(string Text, bool RightToLeft);

/// <summary>
/// The one text layout of the PDFs the app makes (certificate and CPD record): Arabic shaping,
/// right-to-left ordering, a fallback font per run for what the main family cannot draw (CJK),
/// measuring, wrapping to a width and drawing. It remembers what each face drew so that
/// <see cref="CompleteFontSubsets"/> can work around PDFsharp's incomplete subsets (see CompositeGlyphs).
/// One instance per document: it is not thread-safe.
/// </summary>
internal sealed class PdfText(CertificateFontResolver fonts) : IDisposable
{
    // Widths are measured once at this size and scaled, since they are linear in the size.
    private const double MeasureSize = 10;

    private readonly CertificateFontResolver _fonts = fonts;
    private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(1, 1), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly Dictionary<(double Size, bool Bold, int Font), XFont> _fontCache = [];
    private readonly Dictionary<(string Text, bool Bold), double> _widths = [];

    // What each face drew, in drawing order: -1 is the main family, else a fallback's index.
    private readonly SortedDictionary<(int Font, bool Bold), StringBuilder> _drawn = [];

    public static double LineHeight(double size) => size * 1.22;

    public void Dispose() => _measure.Dispose();

    /// <summary>
    /// Shapes and wraps one paragraph to <paramref name="width"/>; a line break in it starts a new
    /// paragraph with its own direction. A word wider than the line is broken between text
    /// elements, never inside a letter and its accents.
    /// </summary>
    public List<TextLine> Wrap(string paragraph, bool bold, double size, double width)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var lines = new List<TextLine>();
        var lineWidth = width * MeasureSize / size;
        var spaceWidth = Width(" ", bold);
        foreach (var part in paragraph.ReplaceLineEndings("\n").Split('\n'))
        {
            // Arabic letters take their joined forms before anything is measured.
            var shaped = ArabicShaper.Shape(part);
            var rightToLeft = BidiText.IsRightToLeft(shaped);
            var line = new StringBuilder();
            var used = 0.0;
            foreach (var word in shaped.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var wordWidth = Width(word, bold);
                if (line.Length > 0 && used + spaceWidth + wordWidth <= lineWidth)
                {
                    line.Append(' ').Append(word);
                    used += spaceWidth + wordWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(new(line.ToString(), rightToLeft));
                    line.Clear();
                }

                if (wordWidth <= lineWidth)
                {
                    line.Append(word);
                    used = wordWidth;
                    continue;
                }

                used = 0;
                foreach (var element in TextElements(word))
                {
                    var elementWidth = Width(element, bold);
                    if (line.Length > 0 && used + elementWidth > lineWidth)
                    {
                        lines.Add(new(line.ToString(), rightToLeft));
                        line.Clear();
                        used = 0;
                    }

                    line.Append(element);
                    used += elementWidth;
                }
            }

            lines.Add(new(line.ToString(), rightToLeft));
        }

        return lines;
    }

    /// <summary>The width of text (logical order, shaped) at <paramref name="size"/>, each run in the font that draws it.</summary>
    public double Measure(string text, bool bold, double size) => Width(text, bold) * size / MeasureSize;

    /// <summary>The line cut to the most text elements that fit <paramref name="width"/> with an ellipsis after them.</summary>
    public TextLine Ellipsise(TextLine line, bool bold, double size, double width)
    {
        if (Measure(line.Text + "\u2026", bold, size) <= width)
        {
            return line with { Text = line.Text + "\u2026" };
        }

        var elements = TextElements(line.Text);
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

        return line with { Text = string.Concat(elements.Take(low)).TrimEnd() + "\u2026" };
    }

    /// <summary>Draws the line in visual order with its top-left corner at (x, y), run by run in the font that has the glyphs.</summary>
    public void Draw(XGraphics gfx, TextLine line, bool bold, double size, XBrush brush, double x, double y)
    {
        foreach (var (run, index) in FontRuns(BidiText.ToVisual(line.Text, line.RightToLeft), bold))
        {
            var font = Font(size, bold, index);
            gfx.DrawString(run, font, brush, x, y, XStringFormats.TopLeft);
            (_drawn.TryGetValue((index, bold), out var drawn) ? drawn : _drawn[(index, bold)] = new()).Append(run);
            x += _measure.MeasureString(run, font).Width;
        }
    }

    /// <summary>
    /// Characters drawn into a form that no page shows still go into the font subset, but not into
    /// the page's text, so copy-and-paste and screen readers never meet them. Call once, after the
    /// last <see cref="Draw"/> and before the document is saved.
    /// </summary>
    public void CompleteFontSubsets(PdfDocument document)
    {
        var helpers = _drawn
            .Select(d => (d.Key.Font, d.Key.Bold, Text: _fonts.SubsetClosureHelpers(d.Value.ToString(), d.Key.Bold, d.Key.Font)))
            .Where(h => h.Text.Length > 0)
            .ToList();
        if (helpers.Count == 0)
        {
            return;
        }

        using var form = new XForm(document, XUnit.FromPoint(1), XUnit.FromPoint(1));
        using var gfx = XGraphics.FromForm(form);
        foreach (var (index, bold, text) in helpers)
        {
            gfx.DrawString(text, Font(MeasureSize, bold, index), XBrushes.White, 0, 0);
        }
    }

    private double Width(string text, bool bold)
    {
        if (!_widths.TryGetValue((text, bold), out var width))
        {
            width = FontRuns(text, bold).Sum(r => _measure.MeasureString(r.Text, Font(MeasureSize, bold, r.Font)).Width);
            _widths[(text, bold)] = width;
        }

        return width;
    }

    // Consecutive characters the main family draws, or one fallback draws; a mark stays with the
    // character before it.
    private List<(string Text, int Font)> FontRuns(string text, bool bold)
    {
        var runs = new List<(string, int)>();
        var run = new StringBuilder();
        var current = -1;
        foreach (var rune in text.EnumerateRunes())
        {
            var font = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark && run.Length > 0
                ? current
                : _fonts.FontFor(rune.Value, bold);
            if (run.Length > 0 && font != current)
            {
                runs.Add((run.ToString(), current));
                run.Clear();
            }

            current = font;
            run.Append(rune.ToString());
        }

        if (run.Length > 0)
        {
            runs.Add((run.ToString(), current));
        }

        return runs;
    }

    // index: -1 for the main family, else which fallback (CertificateFontResolver.FontFor).
    private XFont Font(double size, bool bold, int index)
    {
        if (!_fontCache.TryGetValue((size, bold, index), out var font))
        {
            var family = index < 0 ? CertificateFontResolver.FamilyName : CertificateFontResolver.FallbackFamily(index);
            font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fontCache[(size, bold, index)] = font;
        }

        return font;
    }

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
}
