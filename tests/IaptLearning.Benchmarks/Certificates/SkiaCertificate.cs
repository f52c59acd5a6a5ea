using System.Text;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Features.Certificates;
using QRCoder;
using SkiaSharp;

namespace IaptLearning.Benchmarks.Certificates;

/// <summary>
/// The same certificate through SkiaSharp's PDF backend, laid out like <see cref="CertificateDocument"/>
/// (same positions, fonts, shrink-to-fit and vector QR code), so the benchmark compares libraries
/// rather than designs.
/// </summary>
internal sealed class SkiaCertificate(string regularFontPath, string boldFontPath) : IDisposable
{
    private const float PageWidth = 841.89f;
    private const float PageHeight = 595.28f;
    private const float Margin = 40;
    private const float ContentWidth = PageWidth - 2 * Margin;
    private const float RightColumnX = 600;
    private const float QrSize = 80;

    private static readonly SKColor NhsBlue = new(0x00, 0x5E, 0xB8);
    private static readonly SKColor TextColour = new(0x21, 0x2B, 0x32);
    private static readonly SKColor Secondary = new(0x4C, 0x62, 0x72);

    private readonly SKTypeface _regular = SKTypeface.FromFile(regularFontPath);
    private readonly SKTypeface _bold = SKTypeface.FromFile(boldFontPath);

    public byte[] Render(CertificateModel model)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"CPD certificate {model.CertificateNumber}: {model.ModuleTitle}",
            Author = model.IssuerName,
            Subject = $"Certificate of continuing professional development for {model.LearnerName}: {model.ModuleTitle} (version {model.ModuleVersion})",
            Keywords = $"CPD certificate, {model.CertificateNumber}, NHS Talking Therapies",
            Creator = "IaptLearning",
            Creation = model.IssuedAt.UtcDateTime,
            Modified = model.IssuedAt.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            Draw(canvas, model);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
    }

    private void Draw(SKCanvas canvas, CertificateModel model)
    {
        using var border = new SKPaint { Color = NhsBlue, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
        canvas.DrawRect(18, 18, PageWidth - 36, PageHeight - 36, border);
        Fit(canvas, [model.IssuerName], true, 14, 8, new SKRect(Margin, 40, PageWidth - Margin, 76), NhsBlue, false);
        border.StrokeWidth = 1.5f;
        canvas.DrawLine(Margin, 84, PageWidth - Margin, 84, border);

        Fit(canvas, ["Certificate of continuing professional development"], true, 20, 12, Box(Margin, 94, ContentWidth, 26), TextColour, true);
        Fit(canvas, ["This certifies that"], false, 10, 8, Box(Margin, 124, ContentWidth, 14), Secondary, true);
        Fit(canvas, [model.LearnerName], true, 24, 10, Box(Margin, 145, ContentWidth, 46), NhsBlue, true);
        Fit(canvas, [model.JobRole], false, 11, 7, Box(Margin, 192, ContentWidth, 23), TextColour, true);
        Fit(canvas, ["completed the module"], false, 10, 8, Box(Margin, 216, ContentWidth, 14), Secondary, true);
        Fit(canvas, [model.ModuleTitle], true, 17, 9, Box(Margin, 232, ContentWidth, 40), TextColour, true);
        Fit(canvas, [$"Version {model.ModuleVersion} \u00B7 Content hash {model.PrintedContentHash}"], false, 9, 6, Box(Margin, 274, ContentWidth, 12), Secondary, true);

        const float outcomesWidth = RightColumnX - 20 - Margin;
        Fit(canvas, ["Learning outcomes"], true, 10, 10, Box(Margin, 296, outcomesWidth, 14), TextColour, false);
        Fit(canvas, [.. model.LearningOutcomes.Select(o => "\u2022 " + o)], false, 10, 5.5f, Box(Margin, 314, outcomesWidth, 160), TextColour, false);

        (string, string)[] details =
        [
            ("CPD time", UkTime.Duration(TimeSpan.FromMinutes(model.CpdMinutes))),
            ("Active learning time recorded", UkTime.Spent(model.ActiveTime)),
            ("Assessment score", model.AssessmentScorePercent is { } score ? $"{score}%" : "No assessment in this module"),
            ("Date issued", UkTime.Date(model.IssuedAt.UtcDateTime)),
            ("Certificate number", model.CertificateNumber),
        ];
        var y = 296f;
        foreach (var (label, value) in details)
        {
            Fit(canvas, [label], false, 8.5f, 6, Box(RightColumnX, y, PageWidth - Margin - RightColumnX, 11), Secondary, false);
            Fit(canvas, [value], true, 11, 6, Box(RightColumnX, y + 11, PageWidth - Margin - RightColumnX, 15), TextColour, false);
            y += 32;
        }

        const float top = PageHeight - Margin - QrSize;
        const float width = PageWidth - 2 * Margin - QrSize - 20;
        border.StrokeWidth = 0.75f;
        canvas.DrawLine(Margin, top - 6, PageWidth - Margin, top - 6, border);
        Fit(canvas, ["Check this certificate is genuine: scan the QR code or go to"], false, 9, 7, Box(Margin, top + 8, width, 13), Secondary, false);
        Fit(canvas, [model.VerificationUrl.AbsoluteUri], true, 10, 5, Box(Margin, top + 22, width, 14), NhsBlue, false);
        Fit(canvas, ["Verification code"], false, 9, 7, Box(Margin, top + 44, width, 13), Secondary, false);
        Fit(canvas, [VerificationCode.Format(model.VerificationCode)], true, 11, 6, Box(Margin, top + 58, width, 16), TextColour, false);
        DrawQrCode(canvas, model.VerificationUrl.AbsoluteUri, Box(PageWidth - Margin - QrSize, top, QrSize, QrSize));
    }

    private static SKRect Box(float x, float y, float width, float height) => SKRect.Create(x, y, width, height);

    private void Fit(SKCanvas canvas, string[] paragraphs, bool bold, float maxSize, float minSize, SKRect box, SKColor colour, bool centre)
    {
        using var font = new SKFont(bold ? _bold : _regular, 10);
        var words = paragraphs.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, font.MeasureText(w))).ToArray()).ToArray();
        var space = font.MeasureText(" ");
        var size = maxSize;
        List<string> lines;
        while (true)
        {
            var lineWidth = box.Width * 10 / size;
            lines = [.. words.SelectMany(p => Wrap(p, space, lineWidth))];
            if (lines.Count * size * 1.22f <= box.Height || size <= minSize)
            {
                break;
            }

            size = Math.Max(minSize, size - 0.5f);
        }

        font.Size = size;
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        var y = box.Top - font.Metrics.Ascent;
        var maxLines = Math.Max(1, (int)(box.Height / (size * 1.22f)));
        foreach (var line in lines.Take(maxLines))
        {
            canvas.DrawText(line, centre ? box.MidX : box.Left, y, centre ? SKTextAlign.Center : SKTextAlign.Left, font, paint);
            y += size * 1.22f;
        }
    }

    private static List<string> Wrap((string Text, float Width)[] words, float space, float lineWidth)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var width = 0f;
        foreach (var (text, wordWidth) in words)
        {
            if (line.Length > 0 && width + space + wordWidth > lineWidth)
            {
                lines.Add(line.ToString());
                line.Clear();
                width = 0;
            }

            if (line.Length > 0)
            {
                line.Append(' ');
                width += space;
            }

            line.Append(text);
            width += wordWidth;
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static void DrawQrCode(SKCanvas canvas, string text, SKRect box)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = box.Width / matrix.Count;
        using var builder = new SKPathBuilder();
        for (var row = 0; row < matrix.Count; row++)
        {
            var column = 0;
            while (column < matrix[row].Length)
            {
                if (!matrix[row][column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < matrix[row].Length && matrix[row][column])
                {
                    column++;
                }

                builder.AddRect(SKRect.Create(box.Left + start * module, box.Top + row * module, (column - start) * module, module), SKPathDirection.Clockwise);
            }
        }

        using var path = builder.Detach();
        using var paint = new SKPaint { Color = TextColour };
        canvas.DrawPath(path, paint);
    }
}
