using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

public sealed class CertificateFontResolverTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("certificate-fonts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Constructor_EmptyFolderOnly_ThrowsWithActionableMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CertificateFontResolver([_folder]));

        Assert.Contains("No usable font files found for certificates", error.Message);
        Assert.Contains(_folder, error.Message);
        Assert.Contains("fonts-dejavu-core", error.Message);
        Assert.Contains(CertificateFontResolver.FontPathConfigurationKey, error.Message);
    }

    [Fact]
    public void Constructor_RegularWithoutBold_ThrowsRatherThanMixingFamilies()
    {
        File.WriteAllBytes(Path.Combine(_folder, "DejaVuSans.ttf"), [0]);

        Assert.Throws<InvalidOperationException>(() => new CertificateFontResolver([_folder]));
    }

    [Fact]
    public void Constructor_ConfiguredFolderFirst_WinsOverSystemFonts()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_folder, "nested")).FullName;
        File.WriteAllBytes(Path.Combine(nested, "LiberationSans-Regular.ttf"), [1]);
        File.WriteAllBytes(Path.Combine(nested, "LiberationSans-Bold.ttf"), [2]);

        var resolver = new CertificateFontResolver([_folder, .. CertificateFontResolver.DefaultFolders]);

        Assert.Equal("Liberation Sans", resolver.FoundFamily);
        Assert.StartsWith(nested, resolver.RegularPath, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveTypeface_BoldAndRegular_GiveTheirOwnFiles()
    {
        var resolver = CertificateFontResolver.Create(configuredFolder: null);

        var regular = resolver.ResolveTypeface(CertificateFontResolver.FamilyName, bold: false, italic: false)!;
        var bold = resolver.ResolveTypeface(CertificateFontResolver.FamilyName, bold: true, italic: false)!;

        Assert.NotEqual(regular.FaceName, bold.FaceName);
        Assert.Equal(File.ReadAllBytes(resolver.RegularPath), resolver.GetFont(regular.FaceName));
        Assert.Equal(File.ReadAllBytes(resolver.BoldPath), resolver.GetFont(bold.FaceName));
        Assert.Null(resolver.GetFont("Unknown"));
    }

    [Fact]
    public void MissingCharacters_LatinGreekCyrillicVietnamese_NoneMissing()
    {
        var resolver = CertificateFontResolver.Create(configuredFolder: null);

        Assert.Empty(resolver.MissingCharacters("Siân O'Brien-Nguyễn, Ψυχολόγος, Психолог, Đặng Thị Hồng"));
    }

    [Fact]
    public void MissingCharacters_ChineseWithoutFallbackFont_Reported()
    {
        // Only the main family's folder: no fallback font, and the resolver still works.
        var mainFolder = Path.GetDirectoryName(CertificateFontResolver.Create(configuredFolder: null).RegularPath)!;
        var resolver = new CertificateFontResolver([mainFolder]);

        Assert.False(resolver.HasFallback);
        Assert.Null(resolver.FallbackPath);
        Assert.Equal(["山", "田"], resolver.MissingCharacters("Ann 山田 山"));
    }

    [Fact]
    public void Constructor_FallbackFontInstalled_IsFound()
    {
        var resolver = CertificateFontResolver.Create(configuredFolder: null);

        Assert.True(resolver.HasFallback, "no CJK fallback font: install fonts-droid-fallback");
        Assert.True(File.Exists(resolver.FallbackPath));
        var fallback = resolver.ResolveTypeface(CertificateFontResolver.FallbackFamilyName, bold: false, italic: false)!;
        Assert.Equal(File.ReadAllBytes(resolver.FallbackPath!), resolver.GetFont(fallback.FaceName));
        Assert.True(resolver.ResolveTypeface(CertificateFontResolver.FallbackFamilyName, bold: true, italic: false)!.MustSimulateBold);
    }

    [Theory]
    [InlineData("王小明")]
    [InlineData("山田太郎")]
    [InlineData("김민준")]
    [InlineData("Ann 山田 and 김민준")]
    public void MissingCharacters_ChineseJapaneseKoreanWithFallback_NoneMissing(string name) =>
        Assert.Empty(CertificateFontResolver.Create(configuredFolder: null).MissingCharacters(name));

    [Theory]
    [InlineData("محمد سلام")]
    [InlineData("דוד כהן")]
    public void MissingCharacters_ArabicAndHebrew_NoneMissing(string name)
    {
        var resolver = CertificateFontResolver.Create(configuredFolder: null);

        Assert.Empty(resolver.MissingCharacters(name));
        Assert.Empty(resolver.MissingCharacters(ArabicShaper.Shape(name)));
    }

    [Fact]
    public void EnsureAvailable_CalledFromManyThreads_InstallsOneResolver()
    {
        var resolvers = new CertificateFontResolver[16];

        Parallel.For(0, resolvers.Length, i => resolvers[i] = CertificateFontResolver.EnsureAvailable());

        Assert.All(resolvers, r => Assert.Same(resolvers[0], r));
        Assert.Same(resolvers[0], PdfSharp.Fonts.GlobalFontSettings.FontResolver);
    }
}
