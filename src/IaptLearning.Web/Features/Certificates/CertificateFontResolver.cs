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

    private const string RegularFace = "CertificateSans-Regular";
    private const string BoldFace = "CertificateSans-Bold";

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

    /// <summary>Loads the first family found, searching <paramref name="folders"/> in order (each recursively).</summary>
    /// <exception cref="InvalidOperationException">No folder holds a regular and a bold face of a known family.</exception>
    public CertificateFontResolver(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var searched = folders.Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
        foreach (var folder in searched)
        {
            if (FindFamily(folder) is { } found)
            {
                FoundFamily = found.Family;
                RegularPath = found.RegularPath;
                BoldPath = found.BoldPath;
                _regular = File.ReadAllBytes(found.RegularPath);
                _bold = File.ReadAllBytes(found.BoldPath);
                _regularGlyphs = CompositeGlyphs.TryRead(_regular);
                _boldGlyphs = CompositeGlyphs.TryRead(_bold);
                return;
            }
        }

        throw new InvalidOperationException(
            "No usable font files found for certificates. Looked in: " + string.Join("; ", searched) +
            $". Wanted a regular and a bold file of one of: {string.Join(", ", Families.Select(f => $"{f.Regular} + {f.Bold}"))}." +
            $" Install fonts-dejavu-core (Debian/Ubuntu) or set {FontPathConfigurationKey} to a folder that holds DejaVuSans.ttf and DejaVuSans-Bold.ttf.");
    }

    public string FoundFamily { get; }
    public string RegularPath { get; }
    public string BoldPath { get; }

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
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => _regular,
        BoldFace => _bold,
        _ => null,
    };

    /// <summary>
    /// The distinct characters of <paramref name="text"/> that the regular or bold face cannot draw
    /// (they would print as empty boxes and be lost to copy-and-paste), for example Chinese with DejaVu.
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
            .Where(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r) && (!_regularGlyphs.Covers(r.Value) || !_boldGlyphs.Covers(r.Value)))
            .Select(r => r.ToString())
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Characters to draw out of sight so that PDFsharp's subset of the face keeps every accent of <paramref name="text"/>.</summary>
    internal string SubsetClosureHelpers(string text, bool bold) =>
        (bold ? _boldGlyphs : _regularGlyphs)?.ClosureHelpers(text) ?? string.Empty;

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
