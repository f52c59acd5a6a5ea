namespace IaptLearning.Web.Data;

/// <summary>
/// An issued CPD certificate, frozen at issue: every printed field is stored as printed, along
/// with the rendered PDF, so a re-download is the same file and the verification page can show
/// exactly what the paper says.
/// </summary>
public class Certificate
{
    public long Id { get; set; }

    /// <summary>The number's prefix ("IAPT"); numbers run in sequence within a series.</summary>
    public required string Series { get; set; }
    public int Sequence { get; set; }

    /// <summary>"IAPT-000042": printed, human-readable, not a secret.</summary>
    public required string Number { get; set; }

    /// <summary>Canonical verification code (the secret that looks the certificate up publicly).</summary>
    public required string VerificationCode { get; set; }
    public required string VerificationUrl { get; set; }

    public required string UserId { get; set; }
    public long ModuleCompletionId { get; set; }
    public required string ModuleSlug { get; set; }
    public required string ModuleVersion { get; set; }
    public required string ContentHash { get; set; }

    public required string LearnerName { get; set; }
    public required string JobRole { get; set; }
    public required string ModuleTitle { get; set; }
    public List<string> LearningOutcomes { get; set; } = [];
    public int CpdMinutes { get; set; }
    public long ActiveSeconds { get; set; }
    public int? ScorePercent { get; set; }
    public required string IssuerName { get; set; }
    public DateTime IssuedAtUtc { get; set; }

    public required byte[] Pdf { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Pdf"/>.</summary>
    public required string PdfSha256 { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedByUserId { get; set; }
    public string? RevocationReason { get; set; }

    public bool IsRevoked => RevokedAtUtc is not null;
}
