using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

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
        var section = builder.Configuration.GetSection(CertificateOptions.Section);
        builder.Services.Configure<CertificateIssuingOptions>(section);
        var options = section.Get<CertificateIssuingOptions>() ?? new CertificateIssuingOptions();
        if (!options.PublicBaseUrl.IsAbsoluteUri || options.PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Certificates:PublicBaseUrl must be an absolute http or https address; it is '{options.PublicBaseUrl}'.");
        }

        builder.Services.AddSingleton<CertificateIssuer>();
        builder.Services.AddSingleton<CertificateVerifier>();
        builder.Services.AddSingleton<CpdRecordReader>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only the public verification page is limited: it is the one place a stranger can
            // try codes, and it answers without sign-in. Per client IP address, fixed window.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/verify", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.VerifyPermitsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                // A body, so the status code pages do not replace this with "Page not found".
                await context.HttpContext.Response.WriteAsync("Too many verification requests. Try again in a minute.", cancellationToken);
            };
        });
        return builder;
    }

    public static WebApplication UseCertificates(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.MapCertificateDownloads();
        return app;
    }
}
