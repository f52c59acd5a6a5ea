namespace IaptLearning.Web.Features.Certificates;

public static class CertificateIssuingExtensions
{
    /// <summary>
    /// Issuing, the CPD record and public verification. Calls <see cref="CertificatesExtensions.AddCertificates"/>
    /// first, so missing fonts stop start-up rather than the first download.
    /// </summary>
    public static IHostApplicationBuilder AddCertificateIssuing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCertificates();
        // Certificates print the verification link at the site's public address.
        PublicAddress.AddTo(builder);
        var section = builder.Configuration.GetSection(CertificateOptions.Section);
        builder.Services.Configure<CertificateIssuingOptions>(section);
        builder.Services.AddSingleton<CertificateIssuer>();
        builder.Services.AddSingleton<CertificateVerifier>();
        builder.Services.AddSingleton<CpdRecordReader>();
        builder.Services.AddHostedService<CertificateRepair>();
        return builder;
    }

    public static WebApplication UseCertificates(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCertificateDownloads();
        return app;
    }
}
