namespace IaptLearning.Web.Features.Certificates;

public static class CertificatesExtensions
{
    /// <summary>
    /// Binds <see cref="CertificateOptions"/> and checks now, not at the first download, that
    /// certificate fonts exist and that a configured logo can be embedded; either failure stops start-up
    /// with a message that says what to install or change.
    /// </summary>
    public static IHostApplicationBuilder AddCertificates(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(CertificateOptions.Section);
        builder.Services.Configure<CertificateOptions>(section);
        var options = section.Get<CertificateOptions>() ?? new CertificateOptions();

        CertificateFontResolver.EnsureAvailable(options.FontPath);
        if (!string.IsNullOrWhiteSpace(options.LogoPath))
        {
            var path = Path.Combine(builder.Environment.ContentRootPath, options.LogoPath);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Certificates:LogoPath points to '{path}', which does not exist.");
            }

            CertificateDocument.EnsureLogoReadable(File.ReadAllBytes(path));
        }

        return builder;
    }
}
