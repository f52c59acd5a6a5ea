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
    public void MissingCharacters_Chinese_Reported()
    {
        var resolver = CertificateFontResolver.Create(configuredFolder: null);

        Assert.Equal(["山", "田"], resolver.MissingCharacters("Ann 山田 山"));
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
