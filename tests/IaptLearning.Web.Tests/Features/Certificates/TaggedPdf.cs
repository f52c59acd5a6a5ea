using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace IaptLearning.Web.Tests.Features.Certificates;

/// <summary>One structure element read back: its type (/S), its marked content on the page (MCIDs) and its children, in /K order.</summary>
internal sealed record StructureElement(string Type, DictionaryToken Dictionary, IReadOnlyList<int> Mcids, IReadOnlyList<StructureElement> Children)
{
    public string? Alt => TaggedPdf.Text(Dictionary, "Alt");

    public string? ActualText => TaggedPdf.Text(Dictionary, "ActualText");

    /// <summary>This element and all below it, depth first: the logical reading order.</summary>
    public IEnumerable<StructureElement> Descendants() => Children.SelectMany(c => c.Descendants()).Prepend(this);

    public override string ToString() => Children.Count == 0 ? Type : $"{Type}({string.Join(' ', Children)})";
}

/// <summary>Reads the tagging of a PDF back with PdfPig: catalog entries, the structure tree, the page's marked content and the XMP packet.</summary>
internal static class TaggedPdf
{
    public static DictionaryToken Catalog(PdfDocument pdf) => pdf.Structure.Catalog.CatalogDictionary;

    /// <summary>The structure tree below /StructTreeRoot: its one child, the Document element.</summary>
    public static StructureElement Root(PdfDocument pdf)
    {
        var root = PdfReadBack.Resolve<DictionaryToken>(pdf, Catalog(pdf).Data["StructTreeRoot"]);
        var kids = Kids(pdf, root).ToList();
        return Assert.Single(kids);
    }

    /// <summary>Every marked-content sequence on the page, nested ones included, by document order.</summary>
    public static List<MarkedContentElement> MarkedContents(Page page) =>
        [.. page.GetMarkedContents().SelectMany(Flatten)];

    /// <summary>
    /// What a screen reader following the structure tree hears: each element's /ActualText if it has
    /// one, else the letters of its marked content, element after element.
    /// </summary>
    public static List<string> ReadingOrder(PdfDocument pdf, Page page)
    {
        var content = MarkedContents(page).Where(m => m.MarkedContentIdentifier >= 0).ToDictionary(m => m.MarkedContentIdentifier);
        var read = new List<string>();
        void Read(StructureElement element)
        {
            if (element.ActualText is { } actual)
            {
                read.Add(actual);
                return;
            }

            read.AddRange(element.Mcids.Select(id => string.Concat(content[id].Letters.Select(l => l.Value))));
            foreach (var child in element.Children)
            {
                Read(child);
            }
        }

        Read(Root(pdf));
        return read;
    }

    /// <summary>
    /// Where the page's marked content (BMC or BDC to EMC) and its text objects (BT to ET) fail to
    /// nest: a sequence begun inside a text object must end inside the same one, and one begun
    /// outside must end outside.
    /// </summary>
    public static List<string> BadlyNestedMarkedContent(Page page)
    {
        var problems = new List<string>();
        var open = new Stack<(int Index, int TextObject)>();
        var textObject = 0;
        var inText = false;
        for (var i = 0; i < page.Operations.Count; i++)
        {
            switch (page.Operations[i].Operator)
            {
                case "BT":
                    inText = true;
                    textObject++;
                    break;
                case "ET":
                    inText = false;
                    break;
                case "BMC" or "BDC":
                    open.Push((i, inText ? textObject : 0));
                    break;
                case "EMC":
                    var begun = open.Pop();
                    if (begun.TextObject != (inText ? textObject : 0))
                    {
                        problems.Add($"operations {begun.Index} to {i}");
                    }

                    break;
            }
        }

        return problems;
    }

    public static XDocument Xmp(PdfDocument pdf)
    {
        Assert.True(pdf.TryGetXmpMetadata(out var xmp), "no XMP metadata");
        return xmp.GetXDocument();
    }

    public static string? Text(DictionaryToken dictionary, string key) =>
        dictionary.Data.TryGetValue(key, out var token) ? token switch
        {
            StringToken s => s.Data,
            HexToken h => h.Data,
            _ => null,
        }
        : null;

    private static IEnumerable<MarkedContentElement> Flatten(MarkedContentElement element) =>
        element.Children.SelectMany(Flatten).Prepend(element);

    // /K is an MCID, a marked-content reference, a structure element (direct or indirect), or an array of them.
    private static IEnumerable<StructureElement> Kids(PdfDocument pdf, DictionaryToken parent)
    {
        if (!parent.Data.TryGetValue("K", out var k))
        {
            yield break;
        }

        var kids = PdfReadBack.Resolve<IToken>(pdf, k) is ArrayToken array ? array.Data : [k];
        foreach (var kid in kids)
        {
            if (PdfReadBack.Resolve<IToken>(pdf, kid) is DictionaryToken dictionary && dictionary.Data.TryGetValue("S", out var s) && s is NameToken type)
            {
                var children = Kids(pdf, dictionary).ToList();
                yield return new StructureElement(type.Data, dictionary, Mcids(pdf, dictionary), children);
            }
        }
    }

    private static List<int> Mcids(PdfDocument pdf, DictionaryToken element)
    {
        if (!element.Data.TryGetValue("K", out var k))
        {
            return [];
        }

        var kids = PdfReadBack.Resolve<IToken>(pdf, k) is ArrayToken array ? array.Data : [k];
        return [.. kids.Select(kid => PdfReadBack.Resolve<IToken>(pdf, kid) switch
            {
                NumericToken n => n.Int,
                DictionaryToken d when d.Data.TryGetValue("MCID", out var mcid) && mcid is NumericToken n => n.Int,
                _ => -1,
            })
            .Where(id => id >= 0)];
    }
}
