using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>One completed module in a learner's CPD record.</summary>
public sealed record CpdEntry(
    long CompletionId,
    string ModuleSlug,
    string ModuleTitle,
    string ModuleVersion,
    DateTime CompletedAtUtc,
    int CpdMinutes,
    TimeSpan ActiveTime,
    int? ScorePercent,
    string? CertificateNumber,
    string? VerificationUrl,
    bool CertificateRevoked,
    string WhatILearned,
    string HowItWillChangeMyPractice);

/// <summary>One of a learner's certificates for a module, as the module page lists them.</summary>
public sealed record ModuleCertificate(string Number, string ModuleVersion, DateTime IssuedAtUtc, bool Revoked);

/// <summary>A learner's own CPD record. Every query is by the signed-in user's id; nothing takes another id.</summary>
public sealed class CpdRecordReader(IDbContextFactory<AppDbContext> factory, ModuleLibrary library, TimeProvider time)
{
    public async Task<(string LearnerName, IReadOnlyList<CpdEntry> Entries)> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var completions = await db.ModuleCompletions.AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderByDescending(c => c.CompletedAtUtc)
            .Select(c => new { Completion = c, Score = c.Attempt == null ? null : c.Attempt.ScorePercent })
            .ToListAsync(cancellationToken);
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => c.UserId == userId)
            .Select(c => new { c.ModuleCompletionId, c.Number, c.VerificationUrl, c.ModuleTitle, c.CpdMinutes, c.ActiveSeconds, c.ScorePercent, c.RevokedAtUtc })
            .ToDictionaryAsync(c => c.ModuleCompletionId, cancellationToken);
        var reflections = await db.CpdReflections.AsNoTracking()
            .Where(r => r.UserId == userId)
            .ToDictionaryAsync(r => r.ModuleCompletionId, cancellationToken);
        var activeBySlug = await db.LessonProgress.AsNoTracking()
            .Where(p => p.UserId == userId)
            .GroupBy(p => p.ModuleSlug)
            .Select(g => new { Slug = g.Key, Milliseconds = g.Sum(p => p.ActiveMilliseconds) })
            .ToDictionaryAsync(x => x.Slug, x => x.Milliseconds, cancellationToken);

        var entries = completions.Select(x =>
        {
            var c = x.Completion;
            reflections.TryGetValue(c.Id, out var reflection);
            if (certificates.TryGetValue(c.Id, out var certificate))
            {
                // What the certificate printed is what the record says.
                return new CpdEntry(c.Id, c.ModuleSlug, certificate.ModuleTitle, c.ModuleVersion, c.CompletedAtUtc, certificate.CpdMinutes,
                    TimeSpan.FromSeconds(certificate.ActiveSeconds), certificate.ScorePercent, certificate.Number, certificate.VerificationUrl,
                    certificate.RevokedAtUtc is not null, reflection?.WhatILearned ?? "", reflection?.HowItWillChangeMyPractice ?? "");
            }

            var module = library.Find(c.ModuleSlug);
            return new CpdEntry(c.Id, c.ModuleSlug, module?.Title ?? c.ModuleSlug, c.ModuleVersion, c.CompletedAtUtc, module?.CpdMinutes ?? 0,
                TimeSpan.FromSeconds(activeBySlug.GetValueOrDefault(c.ModuleSlug) / 1000), x.Score, null, null, false,
                reflection?.WhatILearned ?? "", reflection?.HowItWillChangeMyPractice ?? "");
        }).ToList();
        return (string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? "" : user.FullName, entries);
    }

    /// <summary>The learner's own certificates for a module, latest first: one per completion, renewals included.</summary>
    public async Task<IReadOnlyList<ModuleCertificate>> CertificatesAsync(string userId, string moduleSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Certificates.AsNoTracking()
            .Where(c => c.UserId == userId && c.ModuleSlug == moduleSlug)
            .OrderByDescending(c => c.IssuedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new ModuleCertificate(c.Number, c.ModuleVersion, c.IssuedAtUtc, c.RevokedAtUtc != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Saves the learner's reflection on one of their own completions; false if the completion is not theirs.</summary>
    public async Task<bool> SaveReflectionAsync(string userId, long completionId, string whatILearned, string howItWillChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(whatILearned);
        ArgumentNullException.ThrowIfNull(howItWillChange);
        if (whatILearned.Length > CpdReflection.MaxLength || howItWillChange.Length > CpdReflection.MaxLength)
        {
            return false;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.ModuleCompletions.AnyAsync(c => c.Id == completionId && c.UserId == userId, cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.CpdReflections.SingleOrDefaultAsync(r => r.UserId == userId && r.ModuleCompletionId == completionId, cancellationToken);
            if (row is null)
            {
                row = new CpdReflection { UserId = userId, ModuleCompletionId = completionId };
                db.CpdReflections.Add(row);
            }

            row.WhatILearned = whatILearned;
            row.HowItWillChangeMyPractice = howItWillChange;
            row.UpdatedAtUtc = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another tab created the row first: update that one instead.
                db.ChangeTracker.Clear();
            }
        }
    }
}
