using System.Buffers.Binary;
using System.Text;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// Works around PDFsharp 6.2.4 dropping accents from font subsets (empira/PDFsharp#348): its
/// subsetter adds the components of each glyph used but not the components of those components,
/// so in DejaVu Sans "ễ" (e + [circumflex + tilde]) prints as a bare "e". This reads which glyphs
/// are nested and finds characters whose own glyphs pull the missing pieces in, so the document
/// can draw them where nobody sees them (a form that is never placed) and the subset is complete.
/// Only the TrueType tables needed for that are read: cmap, head, maxp, loca and glyf.
/// </summary>
internal sealed class CompositeGlyphs
{
    private readonly Dictionary<int, int> _glyphByCodePoint = [];
    private readonly int[][] _components;
    private readonly bool[] _hasData;
    private readonly Dictionary<int, int> _carrierByGlyph = [];

    private CompositeGlyphs(Dictionary<int, int> glyphByCodePoint, int[][] components, bool[] hasData)
    {
        _glyphByCodePoint = glyphByCodePoint;
        _components = components;
        _hasData = hasData;

        // A glyph can be pulled in by a character that is that glyph, or failing that, by one
        // whose glyph uses it directly. The lowest code point wins so that output is repeatable.
        foreach (var (codePoint, glyph) in glyphByCodePoint.OrderBy(p => p.Key))
        {
            _carrierByGlyph.TryAdd(glyph, codePoint);
        }

        foreach (var (codePoint, glyph) in glyphByCodePoint.OrderBy(p => p.Key))
        {
            foreach (var component in Components(glyph))
            {
                _carrierByGlyph.TryAdd(component, codePoint);
            }
        }
    }

    public int GlyphCount => _components.Length;

    /// <summary>Reads a TrueType (glyf-outline) font; null for anything else, which then needs no help.</summary>
    public static CompositeGlyphs? TryRead(byte[] font)
    {
        try
        {
            var tables = Tables(font);
            if (!tables.TryGetValue("glyf", out var glyf) || !tables.TryGetValue("loca", out var loca) ||
                !tables.TryGetValue("head", out var head) || !tables.TryGetValue("maxp", out var maxp))
            {
                return null;
            }

            var glyphCount = U16(font, maxp.Offset + 4);
            var longOffsets = U16(font, head.Offset + 50) == 1;
            var components = new int[glyphCount][];
            var hasData = new bool[glyphCount];
            for (var glyph = 0; glyph < glyphCount; glyph++)
            {
                var start = longOffsets ? (int)U32(font, loca.Offset + glyph * 4) : U16(font, loca.Offset + glyph * 2) * 2;
                var end = longOffsets ? (int)U32(font, loca.Offset + glyph * 4 + 4) : U16(font, loca.Offset + glyph * 2 + 2) * 2;
                hasData[glyph] = end > start;
                components[glyph] = end > start ? ReadComponents(font, glyf.Offset + start) : [];
            }

            // A subset embedded in a PDF may have no cmap; it can still be checked for completeness.
            var glyphByCodePoint = tables.TryGetValue("cmap", out var cmap) ? ReadCmap(font, cmap.Offset) : [];
            return new CompositeGlyphs(glyphByCodePoint, components, hasData);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Whether the font maps the code point to a glyph of its own (not the .notdef box).</summary>
    public bool Covers(int codePoint) => _glyphByCodePoint.ContainsKey(codePoint);

    /// <summary>False for an empty glyph: a space, or one a subset left out.</summary>
    public bool HasData(int glyph) => glyph >= 0 && glyph < _hasData.Length && _hasData[glyph];

    /// <summary>Direct components of a composite glyph; empty for a simple or empty glyph.</summary>
    public IReadOnlyList<int> Components(int glyph) => glyph >= 0 && glyph < _components.Length ? _components[glyph] : [];

    /// <summary>
    /// Characters that, drawn anywhere in the same document with the same font, make a one-level
    /// subset closure of <paramref name="text"/> complete. Empty for most text.
    /// </summary>
    public string ClosureHelpers(string text)
    {
        var used = new HashSet<int>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (_glyphByCodePoint.TryGetValue(rune.Value, out var glyph))
            {
                used.Add(glyph);
            }
        }

        var helpers = new SortedSet<int>();
        while (true)
        {
            var covered = new HashSet<int>(used);
            foreach (var glyph in used)
            {
                covered.UnionWith(Components(glyph));
            }

            var added = false;
            foreach (var missing in Closure(used).Where(g => !covered.Contains(g)).Order())
            {
                if (_carrierByGlyph.TryGetValue(missing, out var carrier) && helpers.Add(carrier))
                {
                    used.Add(_glyphByCodePoint[carrier]);
                    added = true;
                }
            }

            if (!added)
            {
                break;
            }
        }

        var result = new StringBuilder();
        foreach (var codePoint in helpers)
        {
            result.Append(char.ConvertFromUtf32(codePoint));
        }

        return result.ToString();
    }

    private HashSet<int> Closure(IEnumerable<int> glyphs)
    {
        var all = new HashSet<int>();
        var pending = new Stack<int>(glyphs);
        while (pending.TryPop(out var glyph))
        {
            if (all.Add(glyph))
            {
                foreach (var component in Components(glyph))
                {
                    pending.Push(component);
                }
            }
        }

        return all;
    }

    private static int[] ReadComponents(byte[] font, int at)
    {
        if ((short)U16(font, at) >= 0)
        {
            return [];
        }

        const int ArgsAreWords = 0x0001, HaveScale = 0x0008, MoreComponents = 0x0020, HaveXyScale = 0x0040, HaveTwoByTwo = 0x0080;
        var result = new List<int>();
        var p = at + 10;
        int flags;
        do
        {
            flags = U16(font, p);
            result.Add(U16(font, p + 2));
            p += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            p += (flags & HaveScale) != 0 ? 2 : (flags & HaveXyScale) != 0 ? 4 : (flags & HaveTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0);

        return [.. result];
    }

    private static Dictionary<int, int> ReadCmap(byte[] font, int cmap)
    {
        // Prefer the full-Unicode subtable (format 12), then the BMP one (format 4).
        int? format4 = null, format12 = null;
        var count = U16(font, cmap + 2);
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + i * 8;
            var subtable = cmap + (int)U32(font, record + 4);
            var format = U16(font, subtable);
            if (format == 12)
            {
                format12 ??= subtable;
            }
            else if (format == 4 && (U16(font, record) == 0 || (U16(font, record) == 3 && U16(font, record + 2) is 1 or 10)))
            {
                format4 ??= subtable;
            }
        }

        var map = new Dictionary<int, int>();
        if (format12 is { } t12)
        {
            var groups = U32(font, t12 + 12);
            for (var g = 0; g < groups; g++)
            {
                var group = t12 + 16 + g * 12;
                var first = (int)U32(font, group);
                var last = (int)U32(font, group + 4);
                var glyph = (int)U32(font, group + 8);
                for (var c = first; c <= last; c++)
                {
                    map[c] = glyph + c - first;
                }
            }
        }
        else if (format4 is { } t4)
        {
            var segments = U16(font, t4 + 6) / 2;
            var ends = t4 + 14;
            var starts = ends + segments * 2 + 2;
            var deltas = starts + segments * 2;
            var rangeOffsets = deltas + segments * 2;
            for (var s = 0; s < segments; s++)
            {
                var end = U16(font, ends + s * 2);
                var start = U16(font, starts + s * 2);
                var delta = (short)U16(font, deltas + s * 2);
                var rangeOffset = U16(font, rangeOffsets + s * 2);
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    var glyph = rangeOffset == 0
                        ? (c + delta) & 0xFFFF
                        : U16(font, rangeOffsets + s * 2 + rangeOffset + (c - start) * 2) is var raw and not 0 ? (raw + delta) & 0xFFFF : 0;
                    if (glyph != 0)
                    {
                        map[c] = glyph;
                    }
                }
            }
        }

        return map;
    }

    private static Dictionary<string, (int Offset, int Length)> Tables(byte[] font)
    {
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var count = U16(font, 4);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + i * 16;
            tables[Encoding.ASCII.GetString(font, record, 4)] = ((int)U32(font, record + 8), (int)U32(font, record + 12));
        }

        return tables;
    }

    private static int U16(byte[] font, int at) => BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at, 2));

    private static uint U32(byte[] font, int at) => BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(at, 4));
}
