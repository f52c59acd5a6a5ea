using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Records;

/// <summary>A learner's latest completion of a module and when it expires, read fresh from the records.</summary>
public sealed record CompletionStanding(ModuleCompletion? Latest, DateTime? ExpiresAtUtc, DateTime NowUtc)
{
    public static CompletionStanding None(DateTime nowUtc) => new(null, null, nowUtc);

    /// <summary>The latest completion has expired: the learner may (and should) renew it.</summary>
    public bool IsExpired => Latest is not null && CompletionValidity.IsExpired(ExpiresAtUtc, NowUtc);

    /// <summary>A completion that still stands: nothing more can be completed until it expires.</summary>
    public bool IsValid => Latest is not null && !IsExpired;
}

/// <summary>
/// The one rule for when a completion expires, shared by the managers' records
/// (<see cref="ModuleRecords"/>) and the learner's renewal: the latest completion plus the
/// shortest validity of the live assignments that apply to the person now; expired from that instant.
/// </summary>
public static class CompletionValidity
{
    public static DateTime? ExpiresAt(DateTime completedAtUtc, int? validityMonths) =>
        validityMonths is { } months ? completedAtUtc.AddMonths(months) : null;

    public static bool IsExpired(DateTime? expiresAtUtc, DateTime nowUtc) => expiresAtUtc is { } expires && expires <= nowUtc;

    public static async Task<CompletionStanding> ReadAsync(AppDbContext db, string userId, string moduleSlug, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.ModuleCompletions.AsNoTracking()
            .Where(c => c.UserId == userId && c.ModuleSlug == moduleSlug)
            .OrderByDescending(c => c.CompletedAtUtc).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return CompletionStanding.None(nowUtc);
        }

        var months = await ValidityMonthsAsync(db, userId, moduleSlug, cancellationToken);
        return new CompletionStanding(latest, ExpiresAt(latest.CompletedAtUtc, months), nowUtc);
    }

    /// <summary>The shortest validity of the live assignments of this module that apply to the person now.</summary>
    public static async Task<int?> ValidityMonthsAsync(AppDbContext db, string userId, string moduleSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.TeamId, ServiceId = u.Team == null ? (int?)null : u.Team.ServiceId, u.JobRole })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.ModuleSlug == moduleSlug && a.RemovedAtUtc == null && a.ValidityMonths != null && (a.UserId == null || a.UserId == userId))
            .ToListAsync(cancellationToken);
        return assignments
            .Where(a => ModuleRecords.AppliesTo(a, userId, person.TeamId, person.ServiceId, person.JobRole))
            .Min(a => a.ValidityMonths);
    }
}
