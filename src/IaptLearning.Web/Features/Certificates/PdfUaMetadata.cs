using System.Globalization;
using System.Text;
using System.Xml.Linq;
using PdfSharp.Pdf;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// The XMP packet of the app's tagged PDFs. PDFsharp 6.2 writes its own at save time with no PDF/UA
/// identification (ISO 14289-1 5: <c>pdfuaid:part</c>), random document and instance IDs, and the
/// document information pasted in unescaped (an "&amp;" in a module title made it invalid XML), and
/// offers no way to change it; so the saved file has it swapped for this one.
/// </summary>
internal static class PdfUaMetadata
{
    private static readonly XNamespace X = "adobe:ns:meta/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace XmpMM = "http://ns.adobe.com/xap/1.0/mm/";
    private static readonly XNamespace PdfUaId = "http://www.aiim.org/pdfua/ns/id/";

    /// <summary>
    /// The saved <paramref name="pdf"/> with its XMP packet replaced by one built from the document's
    /// information, its language and <paramref name="id"/>. The packet is the last object before
    /// the cross-reference table and stored uncompressed; the table's offsets are moved to match.
    /// </summary>
    public static byte[] Replace(byte[] pdf, PdfDocument document, Guid id)
    {
        var span = pdf.AsSpan();
        var end = "<?xpacket end=\"w\"?>"u8;
        var packetStart = span.IndexOf("<?xpacket begin="u8);
        var packetEnd = span.IndexOf(end) + end.Length;
        var lengthStart = packetStart < 0 ? -1 : span[..packetStart].LastIndexOf("/Length "u8) + "/Length ".Length;
        var xref = span.LastIndexOf("\nxref\n"u8) + 1;
        if (packetStart < 0 || packetEnd < packetStart || lengthStart < "/Length ".Length || xref < packetEnd)
        {
            throw new InvalidOperationException("PDFsharp's XMP packet is not where it used to be: check PdfUaMetadata against this PDFsharp version.");
        }

        var lengthEnd = lengthStart + span[lengthStart..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        var packet = Encoding.UTF8.GetBytes(Packet(document, id));
        var length = Encoding.ASCII.GetBytes(packet.Length.ToString(CultureInfo.InvariantCulture));
        var delta = length.Length - (lengthEnd - lengthStart) + packet.Length - (packetEnd - packetStart);
        byte[] result =
        [
            .. span[..lengthStart], .. length, .. span[lengthEnd..packetStart], .. packet, .. span[packetEnd..xref],
            .. ShiftedCrossReferences(span[xref..], lengthStart, delta),
        ];
        return result;
    }

    private static string Packet(PdfDocument document, Guid id)
    {
        var info = document.Info;
        static string Date(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        static XElement Alt(XName name, string value) =>
            new(name, new XElement(Rdf + "Alt", new XElement(Rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), value)));

        var uuid = "uuid:" + id.ToString("D");
        var description = new XElement(
            Rdf + "Description",
            new XAttribute(Rdf + "about", ""),
            new XAttribute(XNamespace.Xmlns + "dc", Dc.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "pdf", Pdf.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xmp", Xmp.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xmpMM", XmpMM.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "pdfuaid", PdfUaId.NamespaceName),
            new XElement(Dc + "format", "application/pdf"),
            Alt(Dc + "title", info.Title),
            new XElement(Dc + "creator", new XElement(Rdf + "Seq", new XElement(Rdf + "li", info.Author))),
            Alt(Dc + "description", info.Subject),
            new XElement(Dc + "language", new XElement(Rdf + "Bag", new XElement(Rdf + "li", document.Language))),
            new XElement(Pdf + "Producer", info.Producer),
            new XElement(Pdf + "Keywords", info.Keywords),
            new XElement(Xmp + "CreatorTool", info.Creator),
            new XElement(Xmp + "CreateDate", Date(info.CreationDate)),
            new XElement(Xmp + "ModifyDate", Date(info.ModificationDate)),
            new XElement(Xmp + "MetadataDate", Date(info.ModificationDate)),
            new XElement(XmpMM + "DocumentID", uuid),
            new XElement(XmpMM + "InstanceID", uuid),
            new XElement(PdfUaId + "part", 1));
        var xmp = new XElement(X + "xmpmeta", new XAttribute(XNamespace.Xmlns + "x", X.NamespaceName), new XElement(Rdf + "RDF", new XAttribute(XNamespace.Xmlns + "rdf", Rdf.NamespaceName), description));
        return $"<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n{xmp}\n<?xpacket end=\"w\"?>";
    }

    // The table from "xref" to the end of the file: entries of 20 bytes ("0000012345 00000 n \n")
    // under "first count" lines, then the trailer and startxref, which all move by delta.
    private static byte[] ShiftedCrossReferences(ReadOnlySpan<byte> table, int from, int delta)
    {
        var text = Encoding.Latin1.GetString(table);
        var builder = new StringBuilder(text.Length + 8);
        var at = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        builder.Append(text, 0, at);
        while (!text.AsSpan(at).StartsWith("trailer", StringComparison.Ordinal))
        {
            var header = text.IndexOf('\n', at) + 1;
            var count = int.Parse(text.AsSpan(at, header - at).Trim().ToString().Split(' ')[1], CultureInfo.InvariantCulture);
            builder.Append(text, at, header - at);
            at = header;
            for (var i = 0; i < count; i++, at += 20)
            {
                var offset = long.Parse(text.AsSpan(at, 10), CultureInfo.InvariantCulture);
                var moved = text[at + 17] == 'n' && offset > from ? offset + delta : offset;
                builder.Append(moved.ToString("D10", CultureInfo.InvariantCulture)).Append(text, at + 10, 10);
            }
        }

        var startXref = text.LastIndexOf("startxref\n", StringComparison.Ordinal) + "startxref\n".Length;
        var numberEnd = text.IndexOf('\n', startXref);
        builder.Append(text, at, startXref - at)
            .Append((long.Parse(text.AsSpan(startXref, numberEnd - startXref), CultureInfo.InvariantCulture) + delta).ToString(CultureInfo.InvariantCulture))
            .Append(text, numberEnd, text.Length - numberEnd);
        return Encoding.Latin1.GetBytes(builder.ToString());
    }
}
