using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Accounts;

/// <summary>With <c>DataProtection:CertificatePath</c> the key ring is encrypted at rest; a bad certificate stops start-up, saying why.</summary>
public sealed class KeyRingEncryptionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iapt-keyring-" + Guid.NewGuid().ToString("N"));

    public KeyRingEncryptionTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteCertificate(bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=IaptLearning key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, withPrivateKey ? "keys.pfx" : "public-only.pfx");
        File.WriteAllBytes(path, withPrivateKey
            ? certificate.Export(X509ContentType.Pkcs12, "test password")
            : X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)).Export(X509ContentType.Pkcs12, "test password"));
        return path;
    }

    [Fact]
    public async Task Certificate_KeysWrittenEncrypted_AndStillUsable()
    {
        var path = WriteCertificate(withPrivateKey: true);
        await using var app = new WebAppFixture();
        await using var configured = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("DataProtection:CertificatePath", path);
            b.UseSetting("DataProtection:CertificatePassword", "test password");
        });
        var protector = configured.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));
        var key = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "keys"), "key-*.xml")));
        Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted form", key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "wrong password", "could not be read as a PKCS#12 (.pfx) file")]
    [InlineData(false, "test password", "has no private key")]
    public async Task Certificate_Unusable_StartUpFailsSayingWhy(bool withPrivateKey, string password, string message)
    {
        var path = WriteCertificate(withPrivateKey);
        await using var app = new WebAppFixture();
        await using var configured = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("DataProtection:CertificatePath", path);
            b.UseSetting("DataProtection:CertificatePassword", password);
        });

        var e = Assert.ThrowsAny<InvalidOperationException>(() => configured.Services);
        Assert.Contains($"DataProtection:CertificatePath '{path}' ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
