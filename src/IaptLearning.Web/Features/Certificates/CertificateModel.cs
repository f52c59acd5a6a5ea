using System.Collections.Immutable;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// Everything a certificate prints, frozen at issue. The PDF is rendered from this alone, so
/// storing these values is enough to give the same certificate on every download.
/// </summary>
public sealed record CertificateModel
{
    /// <summary>Human-readable and sequential per issuer, e.g. "IAPT-2026-000123".</summary>
    public required string CertificateNumber { get; init; }

    /// <summary>Canonical <see cref="Certificates.VerificationCode"/>; printed grouped.</summary>
    public required string VerificationCode { get; init; }

    /// <summary>Absolute address of the public verification page for this certificate.</summary>
    public required Uri VerificationUrl { get; init; }

    /// <summary>When the certificate was issued (UTC); printed as a UK date in Europe/London.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    public required string LearnerName { get; init; }
    public required string JobRole { get; init; }
    public required string ModuleTitle { get; init; }
    public required string ModuleVersion { get; init; }

    /// <summary>The module's SHA-256 content hash in hex; the first 12 characters are printed.</summary>
    public required string ContentHash { get; init; }

    public ImmutableArray<string> LearningOutcomes { get; init; } = [];
    public required int CpdMinutes { get; init; }
    public required TimeSpan ActiveTime { get; init; }

    /// <summary>Percent; null when the module had no assessment.</summary>
    public int? AssessmentScorePercent { get; init; }

    public required string IssuerName { get; init; }

    /// <summary>PNG bytes, or null for no logo. Held read-only so a frozen certificate stays frozen.</summary>
    public ReadOnlyMemory<byte>? IssuerLogoPng { get; init; }

    public const int PrintedHashLength = 12;

    public string PrintedContentHash =>
        ContentHash.Length <= PrintedHashLength ? ContentHash : ContentHash[..PrintedHashLength];
}
