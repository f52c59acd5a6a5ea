namespace IaptLearning.Web.Features.Certificates;

/// <summary>The rest of the <c>Certificates</c> section: what issuing and verification need beyond the PDF.</summary>
public sealed class CertificateIssuingOptions
{
    /// <summary>
    /// The site's public address, printed on certificates as the verification address. Never taken
    /// from the request: a certificate must not print whatever Host header reached the server.
    /// </summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5147");

    /// <summary>Prefix of certificate numbers ("IAPT-000042"); numbers run in sequence per prefix.</summary>
    public string NumberPrefix { get; set; } = "IAPT";

    /// <summary>Verification requests allowed per client IP address per minute.</summary>
    public int VerifyPermitsPerMinute { get; set; } = 30;

    public Uri VerificationUrl(string code) =>
        new(new Uri(PublicBaseUrl.AbsoluteUri.TrimEnd('/') + "/"), "verify/" + code);
}
