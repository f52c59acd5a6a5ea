using System.Security.Claims;
using System.Security.Cryptography;
using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Security;

/// <summary>
/// Server-side sessions for the sign-in cookie (OWASP ASVS 7.4.1: sign-out ends the session on
/// the server). In the database rather than in memory, so every instance honours a sign-out made
/// on another and a restart signs nobody out.
/// </summary>
public sealed class DatabaseTicketStore(IDbContextFactory<AppDbContext> factory, IDataProtectionProvider protection, TimeProvider time) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("IaptLearning.SignInSession.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = time.GetUtcNow().UtcDateTime;
        var session = new SignInSession
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier),
            Ticket = Protect(ticket),
            CreatedAtUtc = now,
            ExpiresAtUtc = ticket.Properties.ExpiresUtc?.UtcDateTime,
        };
        await using var db = await factory.CreateDbContextAsync();
        // Expired sessions go as new ones come, so the table holds only live ones.
        await db.SignInSessions.Where(s => s.ExpiresAtUtc < now).ExecuteDeleteAsync();
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var bytes = Protect(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        await using var db = await factory.CreateDbContextAsync();
        // Only a session that still exists is renewed: a sign-out elsewhere is never undone.
        await db.SignInSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAtUtc, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = await factory.CreateDbContextAsync();
        var session = await db.SignInSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == key);
        if (session is null || session.ExpiresAtUtc < time.GetUtcNow().UtcDateTime)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            // Keys lost or rotated out: the person signs in again.
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.SignInSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Signs a person out everywhere (deactivation, password change).</summary>
    public async Task RemoveAllAsync(string userId)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.SignInSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));
}
