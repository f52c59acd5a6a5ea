using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>Public look-up by verification code, and revocation by an admin.</summary>
public sealed class CertificateVerifier(IDbContextFactory<AppDbContext> factory, TimeProvider time, ILogger<CertificateVerifier> logger)
{
    public const int MaxReasonLength = 500;

    /// <summary>
    /// The certificate with this code, or null. A malformed or oversized code is refused before any
    /// database work. With <paramref name="number"/>, the certificate must also carry that number, so
    /// a genuine code pasted beside another certificate's number does not verify.
    /// </summary>
    public async Task<Certificate?> FindAsync(string? code, string? number = null, CancellationToken cancellationToken = default)
    {
        if (!VerificationCode.TryNormalise(code, out var canonical))
        {
            logger.LogInformation("Verification: malformed code.");
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.VerificationCode == canonical, cancellationToken);
        if (certificate is null || (!string.IsNullOrWhiteSpace(number) && !string.Equals(number.Trim(), certificate.Number, StringComparison.OrdinalIgnoreCase)))
        {
            // The code itself is a secret, so it is not logged; the outcome is.
            logger.LogInformation("Verification: {Outcome}.", certificate is null ? "unknown code" : "code and number do not match");
            return null;
        }

        logger.LogInformation("Verification: certificate {Number} shown as {Status}.", certificate.Number, certificate.IsRevoked ? "revoked" : "valid");
        return certificate;
    }

    public async Task<RevokeOutcome> RevokeAsync(string number, string reason, string adminUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(reason);
        var now = time.GetUtcNow().UtcDateTime;
        var trimmedReason = reason.Trim();
        var trimmedNumber = number.Trim().ToUpperInvariant();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Certificates
            .Where(c => c.Number == trimmedNumber && c.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.RevokedAtUtc, now)
                .SetProperty(c => c.RevokedByUserId, adminUserId)
                .SetProperty(c => c.RevocationReason, trimmedReason), cancellationToken);
        if (updated > 0)
        {
            return RevokeOutcome.Revoked;
        }

        return await db.Certificates.AnyAsync(c => c.Number == trimmedNumber, cancellationToken) ? RevokeOutcome.AlreadyRevoked : RevokeOutcome.NotFound;
    }
}

public enum RevokeOutcome
{
    Revoked,
    AlreadyRevoked,
    NotFound,
}
