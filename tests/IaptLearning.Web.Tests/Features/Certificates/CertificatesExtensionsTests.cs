using IaptLearning.Web.Features.Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IaptLearning.Web.Tests.Features.Certificates;

public sealed class CertificatesExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("certificate-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AddCertificates_NoLogo_Starts()
    {
        var builder = Builder(new() { ["Certificates:IssuerName"] = "Example service" });

        builder.AddCertificates();
    }

    [Fact]
    public void AddCertificates_ReadableLogo_Starts()
    {
        File.WriteAllBytes(Path.Combine(_folder, "logo.png"), TestPng.Rgba(40, 20));

        Builder(new() { ["Certificates:LogoPath"] = "logo.png" }).AddCertificates();
    }

    [Fact]
    public void AddCertificates_MissingLogo_FailsAtStartUp()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder(new() { ["Certificates:LogoPath"] = "missing.png" }).AddCertificates());

        Assert.Contains("Certificates:LogoPath", error.Message);
    }

    [Fact]
    public void AddCertificates_LogoNotAnImage_FailsAtStartUp()
    {
        File.WriteAllText(Path.Combine(_folder, "logo.png"), "not a png");

        var error = Assert.Throws<InvalidOperationException>(() => Builder(new() { ["Certificates:LogoPath"] = "logo.png" }).AddCertificates());

        Assert.Contains("certificate logo", error.Message);
    }

    private HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
