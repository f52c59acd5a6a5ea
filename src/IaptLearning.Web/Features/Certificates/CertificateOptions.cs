namespace IaptLearning.Web.Features.Certificates;

/// <summary>The <c>Certificates</c> configuration section.</summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";

    /// <summary>A folder searched first for DejaVu Sans (or another known family); the usual system folders follow.</summary>
    public string? FontPath { get; set; }

    /// <summary>The organisation printed as issuer and PDF author.</summary>
    public string IssuerName { get; set; } = "NHS Talking Therapies";

    /// <summary>Optional PNG printed beside the issuer name; relative paths are from the app's content root.</summary>
    public string? LogoPath { get; set; }
}
