using System.Text;
using PdfSharp.Fonts;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// Gives PDFsharp real font files to embed. PDFsharp's cross-platform build has no system font
/// lookup of its own, and a certificate that prints boxes for "ễ" is worse than none, so the app
/// should call <see cref="EnsureAvailable"/> at start-up and refuse to start without fonts.
/// </summary>
public sealed class CertificateFontResolver : IFontResolver
{
    /// <summary>The family name certificate code asks for; mapped to whichever real family was found.</summary>
    public const string FamilyName = "Certificate Sans";

    public const string FontPathConfigurationKey = "Certificates:FontPath";

    /// <summary>
    /// The family certificate code asks for when the main family lacks a glyph (Chinese, Japanese,
    /// Korean); further fallbacks are this name with " 2", " 3" and so on (see <see cref="FallbackFamily"/>).
    /// </summary>
    public const string FallbackFamilyName = "Certificate Fallback";

    private const string RegularFace = "CertificateSans-Regular";
    private const string BoldFace = "CertificateSans-Bold";
    private const string FallbackFace = "CertificateFallback-";

    // Optional, for Chinese, Japanese and Korean, which no main family above covers. Only
    // TrueType-outline single-font files: PDFsharp embeds those, not collections (.ttc) or CFF.
    // One face each; bold is simulated. Files are taken in this order while each adds a script
    // (see Probes) the ones before lack: Debian's DroidSansFallbackFull has Chinese and Japanese
    // but no Hangul, so Korean needs NanumGothic (fonts-nanum) or UnDotum (fonts-unfonts-core).
    private static readonly string[] FallbackFiles =
    [
        "DroidSansFallbackFull.ttf",
        "DroidSansFallback.ttf",
        "NotoSansSC-Regular.ttf",
        "NotoSansJP-Regular.ttf",
        "NotoSansKR-Regular.ttf",
        "NanumGothic.ttf",
        "UnDotum.ttf",
        "msyh.ttf",
        "simsun.ttf",
        "malgun.ttf",
        "Arial Unicode.ttf",
        "AppleGothic.ttf",
    ];

    // One character per script a fallback is wanted for: Han, kana, Hangul.
    private static readonly int[] Probes = ['山', 'あ', '가', '김'];

    // DejaVu first: it covers Latin (with Vietnamese), Greek and Cyrillic. The others cover less
    // but are what a Windows or macOS developer machine or a slim container usually has.
    private static readonly (string Family, string Regular, string Bold)[] Families =
    [
        ("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
        ("Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("Arial", "arial.ttf", "arialbd.ttf"),
        ("Arial", "Arial.ttf", "Arial Bold.ttf"),
    ];

    public static IReadOnlyList<string> DefaultFolders { get; } =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts",
        @"C:\Windows\Fonts",
        "/Library/Fonts",
        "/System/Library/Fonts",
    ];

    private static readonly Lock InstallLock = new();
    private static CertificateFontResolver? _installed;

    private readonly byte[] _regular;
    private readonly byte[] _bold;
    private readonly CompositeGlyphs? _regularGlyphs;
    private readonly CompositeGlyphs? _boldGlyphs;
    private readonly List<(string Path, byte[] Bytes, CompositeGlyphs Glyphs)> _fallbacks = [];

    /// <summary>Loads the first family found, searching <paramref name="folders"/> in order (each recursively).</summary>
    /// <exception cref="InvalidOperationException">No folder holds a regular and a bold face of a known family.</exception>
    public CertificateFontResolver(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var searched = folders.Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
        var found = searched.Select(FindFamily).FirstOrDefault(f => f is not null) ?? throw new InvalidOperationException(
            "No usable font files found for certificates. Looked in: " + string.Join("; ", searched) +
            $". Wanted a regular and a bold file of one of: {string.Join(", ", Families.Select(f => $"{f.Regular} + {f.Bold}"))}." +
            $" Install fonts-dejavu-core (Debian/Ubuntu) or set {FontPathConfigurationKey} to a folder that holds DejaVuSans.ttf and DejaVuSans-Bold.ttf.");
        FoundFamily = found.Family;
        RegularPath = found.RegularPath;
        BoldPath = found.BoldPath;
        _regular = File.ReadAllBytes(found.RegularPath);
        _bold = File.ReadAllBytes(found.BoldPath);
        _regularGlyphs = CompositeGlyphs.TryRead(_regular);
        _boldGlyphs = CompositeGlyphs.TryRead(_bold);

        var wanted = Probes.Where(p => _regularGlyphs?.Covers(p) != true).ToHashSet();
        foreach (var path in FindFallbacks(searched))
        {
            if (wanted.Count == 0)
            {
                break;
            }

            var bytes = File.ReadAllBytes(path);
            if (CompositeGlyphs.TryRead(bytes) is { } glyphs && wanted.RemoveWhere(glyphs.Covers) > 0)
            {
                _fallbacks.Add((path, bytes, glyphs));
            }
        }
    }

    public string FoundFamily { get; }
    public string RegularPath { get; }
    public string BoldPath { get; }

    /// <summary>The first fallback font file (Chinese, Japanese, Korean), or null when none was found; certificates still render without it.</summary>
    public string? FallbackPath => _fallbacks.Count > 0 ? _fallbacks[0].Path : null;

    /// <summary>Every fallback font file found, in the order they are tried.</summary>
    public IReadOnlyList<string> FallbackPaths => [.. _fallbacks.Select(f => f.Path)];

    public bool HasFallback => _fallbacks.Count > 0;

    /// <summary>The family name for the fallback at <paramref name="index"/> (0 is <see cref="FallbackFamilyName"/>).</summary>
    public static string FallbackFamily(int index) => index == 0 ? FallbackFamilyName : $"{FallbackFamilyName} {index + 1}";

    /// <summary>The configured folder, if any, is searched before the usual system locations.</summary>
    public static CertificateFontResolver Create(string? configuredFolder) =>
        new(string.IsNullOrWhiteSpace(configuredFolder) ? DefaultFolders : [configuredFolder, .. DefaultFolders]);

    /// <summary>
    /// Finds fonts and installs this resolver as PDFsharp's global one, once per process; later
    /// calls return the installed resolver whatever folder they name, so the start-up call must come first. Throws with an actionable message when no fonts are
    /// found, which is why the app calls it at start-up rather than leaving it to the first download.
    /// </summary>
    public static CertificateFontResolver EnsureAvailable(string? configuredFolder = null)
    {
        lock (InstallLock)
        {
            if (_installed is not null)
            {
                return _installed;
            }

            if (GlobalFontSettings.FontResolver is CertificateFontResolver existing)
            {
                return _installed = existing;
            }

            if (GlobalFontSettings.FontResolver is { } other)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has a font resolver ({other.GetType().FullName}); certificates need {nameof(CertificateFontResolver)} so that their fonts are real, embedded files.");
            }

            var resolver = Create(configuredFolder);
            GlobalFontSettings.FontResolver = resolver;
            return _installed = resolver;
        }
    }

    // Any family maps to the one found: certificates ask for FamilyName, and a stray request
    // for "Arial" from other PDF code should still embed a real font rather than fail.
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        for (var i = 0; i < _fallbacks.Count; i++)
        {
            if (familyName == FallbackFamily(i))
            {
                return new(FallbackFace + i.ToString(System.Globalization.CultureInfo.InvariantCulture), mustSimulateBold: bold, mustSimulateItalic: italic);
            }
        }

        return new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);
    }

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => _regular,
        BoldFace => _bold,
        _ when faceName.StartsWith(FallbackFace, StringComparison.Ordinal) &&
               int.TryParse(faceName.AsSpan(FallbackFace.Length), System.Globalization.CultureInfo.InvariantCulture, out var i) &&
               i >= 0 && i < _fallbacks.Count => _fallbacks[i].Bytes,
        _ => null,
    };

    /// <summary>
    /// Which font draws <paramref name="codePoint"/>: -1 for the main face, else the index of the
    /// first fallback that has a glyph for it, when the main face has none.
    /// </summary>
    internal int FontFor(int codePoint, bool bold)
    {
        var main = bold ? _boldGlyphs : _regularGlyphs;
        if (main is null || main.Covers(codePoint))
        {
            return -1;
        }

        return _fallbacks.FindIndex(f => f.Glyphs.Covers(codePoint));
    }

    /// <summary>
    /// The distinct characters of <paramref name="text"/> that the regular or bold face cannot draw
    /// nor the fallback can draw (they would print as empty boxes and be lost to copy-and-paste), for
    /// example Chinese with DejaVu when no fallback font is installed. Arabic letters are judged by
    /// their base code points, although the certificate draws their presentation forms.
    /// Lets a profile page warn before a certificate is issued with a name nobody can read.
    /// </summary>
    public IReadOnlyList<string> MissingCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_regularGlyphs is null || _boldGlyphs is null)
        {
            return [];
        }

        return [.. text.EnumerateRunes()
            .Where(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r) &&
                (!_regularGlyphs.Covers(r.Value) || !_boldGlyphs.Covers(r.Value)) && !_fallbacks.Any(f => f.Glyphs.Covers(r.Value)))
            .Select(r => r.ToString())
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Characters to draw out of sight so that PDFsharp's subset of a face keeps every accent of
    /// <paramref name="text"/>; <paramref name="font"/> as from <see cref="FontFor"/>.
    /// </summary>
    internal string SubsetClosureHelpers(string text, bool bold, int font) =>
        (font >= 0 ? _fallbacks[font].Glyphs : bold ? _boldGlyphs : _regularGlyphs)?.ClosureHelpers(text) ?? string.Empty;

    private static IEnumerable<string> FindFallbacks(IEnumerable<string> folders)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            MatchCasing = MatchCasing.CaseInsensitive,
            MaxRecursionDepth = 6,
        };
        foreach (var file in FallbackFiles)
        {
            foreach (var folder in folders.Where(Directory.Exists))
            {
                foreach (var path in Directory.EnumerateFiles(folder, file, options).Order(StringComparer.Ordinal))
                {
                    yield return path;
                }
            }
        }
    }

    private static (string Family, string RegularPath, string BoldPath)? FindFamily(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            MatchCasing = MatchCasing.CaseInsensitive,
            MaxRecursionDepth = 6,
        };
        foreach (var (family, regular, bold) in Families)
        {
            var regularPath = Directory.EnumerateFiles(folder, regular, options).Order(StringComparer.Ordinal).FirstOrDefault();
            if (regularPath is null)
            {
                continue;
            }

            // The bold face beside the regular one, so a half-installed family elsewhere is not mixed in.
            var boldPath = Directory.EnumerateFiles(Path.GetDirectoryName(regularPath)!, bold, new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive })
                .FirstOrDefault();
            if (boldPath is not null)
            {
                return (family, regularPath, boldPath);
            }
        }

        return null;
    }
}
