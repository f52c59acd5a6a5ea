using System.Security.Claims;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Audit;
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

    public async Task<RevokeOutcome> RevokeAsync(string number, string reason, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(admin);
        var now = time.GetUtcNow().UtcDateTime;
        var trimmedReason = reason.Trim();
        var trimmedNumber = number.Trim().ToUpperInvariant();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Number == trimmedNumber, cancellationToken);
        if (certificate is null)
        {
            return RevokeOutcome.NotFound;
        }

        if (certificate.IsRevoked)
        {
            return RevokeOutcome.AlreadyRevoked;
        }

        certificate.RevokedAtUtc = now;
        certificate.RevokedByUserId = admin.UserId();
        certificate.RevocationReason = trimmedReason;
        AuditLog.Add(db, admin, AuditActions.CertificateRevoked, $"Revoked certificate {certificate.Number}", certificate.UserId,
            new { certificate.Number, certificate.ModuleSlug, certificate.ModuleVersion, Reason = trimmedReason }, now);
        try
        {
            // The concurrency token below makes a second, simultaneous revocation fail rather than overwrite the first.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RevokeOutcome.AlreadyRevoked;
        }

        return RevokeOutcome.Revoked;
    }
}

public enum RevokeOutcome
{
    Revoked,
    AlreadyRevoked,
    NotFound,
}
