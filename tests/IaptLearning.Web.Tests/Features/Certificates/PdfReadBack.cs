using System.Text.RegularExpressions;
using IaptLearning.Web.Features.Certificates;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Tokens;

namespace IaptLearning.Web.Tests.Features.Certificates;

/// <summary>Reads the app's PDFs back with PdfPig: their text, the fonts each page uses and the embedded font files.</summary>
internal static partial class PdfReadBack
{
    /// <summary>Every page's text in content order, each run of whitespace (a wrapped line) as one space.</summary>
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Join('\n', document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
        return Whitespace().Replace(text, " ");
    }

    // Walks the page's font resources: a Type0 font's glyphs live in its descendant's FontFile2.
    public static List<(string Name, bool Embedded)> Fonts(PdfDocument pdf, Page page) =>
        [.. FontDescriptors(pdf, page).Select(f =>
            (f.Name, f.Descriptor.Data.ContainsKey("FontFile2") || f.Descriptor.Data.ContainsKey("FontFile3") || f.Descriptor.Data.ContainsKey("FontFile")))];

    public static List<byte[]> FontFiles(PdfDocument pdf, Page page) =>
        [.. FontDescriptors(pdf, page).Select(f => Resolve<StreamToken>(pdf, f.Descriptor.Data["FontFile2"]).Decode(pdf.Structure.FilterProvider).ToArray())];

    /// <summary>
    /// Every composite glyph in every embedded subset finds its components there too
    /// (empira/PDFsharp#348: without help, "ễ" keeps its text but prints as a bare "e").
    /// </summary>
    public static void AssertSubsetsComplete(PdfDocument pdf)
    {
        foreach (var file in pdf.GetPages().SelectMany(page => FontFiles(pdf, page)))
        {
            var glyphs = CompositeGlyphs.TryRead(file);
            Assert.NotNull(glyphs);
            for (var glyph = 0; glyph < glyphs.GlyphCount; glyph++)
            {
                if (!glyphs.HasData(glyph))
                {
                    continue;
                }

                foreach (var component in glyphs.Components(glyph))
                {
                    Assert.True(glyphs.HasData(component), $"glyph {glyph} uses glyph {component}, which the subset left out");
                }
            }
        }
    }

    private static IEnumerable<(string Name, DictionaryToken Descriptor)> FontDescriptors(PdfDocument pdf, Page page)
    {
        var resources = Resolve<DictionaryToken>(pdf, page.Dictionary.Data["Resources"]);
        var fonts = Resolve<DictionaryToken>(pdf, resources.Data["Font"]);
        foreach (var entry in fonts.Data.Values)
        {
            var font = Resolve<DictionaryToken>(pdf, entry);
            if (font.TryGet(NameToken.DescendantFonts, out IToken? descendants))
            {
                font = Resolve<DictionaryToken>(pdf, Resolve<ArrayToken>(pdf, descendants).Data[0]);
            }

            yield return (Resolve<NameToken>(pdf, font.Data["BaseFont"]).Data, Resolve<DictionaryToken>(pdf, font.Data["FontDescriptor"]));
        }
    }

    /// <summary>The token, or the object it refers to.</summary>
    public static T Resolve<T>(PdfDocument pdf, IToken token) where T : IToken =>
        (T)(token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
