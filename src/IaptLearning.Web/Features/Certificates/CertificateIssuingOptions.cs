namespace IaptLearning.Web.Features.Certificates;

/// <summary>The rest of the <c>Certificates</c> section: what issuing and verification need beyond the PDF.</summary>
public sealed class CertificateIssuingOptions
{
    /// <summary>Prefix of certificate numbers ("IAPT-000042"); numbers run in sequence per prefix.</summary>
    public string NumberPrefix { get; set; } = "IAPT";
}
