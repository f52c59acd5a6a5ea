namespace IaptLearning.Web.Features.Certificates;

/// <summary>The rest of the <c>Certificates</c> section: what issuing and verification need beyond the PDF.</summary>
public sealed class CertificateIssuingOptions
{
    /// <summary>Prefix of certificate numbers ("IAPT-000042"); numbers run in sequence per prefix.</summary>
    public string NumberPrefix { get; set; } = "IAPT";

    /// <summary>Verification requests allowed per client IP address per minute.</summary>
    public int VerifyPermitsPerMinute { get; set; } = 30;
}
