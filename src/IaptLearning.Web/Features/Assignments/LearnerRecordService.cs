using System.Security.Claims;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Assignments;

/// <summary>
/// What a manager sees of one learner: who they are, where they have been, and per module their
/// lessons, attempts, completions and certificates. Deliberately never their answers or CPD
/// reflections: nothing here reads <see cref="AttemptQuestion"/>, <see cref="KnowledgeCheckAnswer"/>
/// or <see cref="CpdReflection"/>.
/// </summary>
public sealed record LearnerDetail(
    string UserId,
    string Name,
    string? Email,
    string? TeamName,
    string? ServiceName,
    JobRole? JobRole,
    string? EmployeeNumber,
    DateTime? DeactivatedAtUtc,
    IReadOnlyList<TeamHistoryRow> Teams,
    IReadOnlyList<ModuleDetail> Modules,
    IReadOnlyList<MinTimeExemption> Exemptions);

public sealed record TeamHistoryRow(string Team, string Service, DateTime FromUtc, DateTime? ToUtc);

public sealed record ModuleDetail(
    string Slug,
    string Title,
    ModuleRecord? Record,
    IReadOnlyList<LessonRow> Lessons,
    IReadOnlyList<AttemptRow> Attempts,
    IReadOnlyList<CompletionRow> Completions,
    DateTime? RenewingSinceUtc = null)
{
    // While a renewal is due, only attempts since the expired completion are this round's.
    private bool InRound(AttemptRow a) => RenewingSinceUtc is not { } since || a.SubmittedAtUtc > since;

    public bool HasPassed => Attempts.Any(a => a.Passed == true && InRound(a));
    public bool HasResettable => Attempts.Any(a => a.SubmittedAtUtc is not null && a.Passed != true && a.ResetAtUtc is null && InRound(a));
}

public sealed record LessonRow(string Title, DateTime? CompletedAtUtc, TimeSpan ActiveTime, bool Visited = true);

public sealed record AttemptRow(int Number, DateTime StartedAtUtc, DateTime? SubmittedAtUtc, int? ScorePercent, bool? Passed, DateTime? ResetAtUtc, string? ResetReason);

public sealed record CompletionRow(DateTime CompletedAtUtc, string Version, string? CertificateNumber, DateTime? CertificateRevokedAtUtc);

public enum ResetOutcome
{
    Reset,
    NotFound,
    ReasonMissing,
    ReasonTooLong,
    AlreadyPassed,
    NothingToReset,
}

public enum ExemptionOutcome
{
    Done,
    NotFound,
    ReasonMissing,
    ReasonTooLong,
    UnknownModule,
    ExpiryNotInFuture,
}

/// <summary>
/// Reads a learner's record for a manager and carries out resets and exemptions. Every call checks
/// on the server, at the time, that the learner is in the caller's <see cref="StaffScope"/>; a
/// person out of scope answers exactly like an unknown id.
/// </summary>
public sealed class LearnerRecordService(IDbContextFactory<AppDbContext> factory, ModuleLibrary library, TimeProvider time)
{
    public const int MaxReasonLength = 500;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The learner's record, or null when unknown or out of scope; <paramref name="audit"/> logs the view.</summary>
    public async Task<LearnerDetail?> ReadAsync(ClaimsPrincipal user, string userId, bool audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await InScopeAsync(db, user, userId, cancellationToken))
        {
            return null;
        }

        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.FullName, u.Email, u.JobRole, u.EmployeeNumber, u.DeactivatedAtUtc, Team = u.Team == null ? null : u.Team.Name, Service = u.Team == null ? null : u.Team.Service!.Name })
            .SingleAsync(cancellationToken);
        var teams = await db.TeamMemberships.AsNoTracking().Where(m => m.UserId == userId)
            .OrderByDescending(m => m.FromUtc)
            .Select(m => new TeamHistoryRow(m.Team!.Name, m.Team.Service!.Name, m.FromUtc, m.ToUtc))
            .ToListAsync(cancellationToken);
        var records = await db.ModuleRecords.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(cancellationToken);
        var lessons = await db.LessonProgress.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.ModuleSlug, p.LessonSlug, p.CompletedAtUtc, p.ActiveMilliseconds })
            .ToListAsync(cancellationToken);
        var attempts = await db.AssessmentAttempts.AsNoTracking().Where(a => a.UserId == userId)
            .OrderBy(a => a.Number)
            .Select(a => new { a.ModuleSlug, Row = new AttemptRow(a.Number, a.StartedAtUtc, a.SubmittedAtUtc, a.ScorePercent, a.Passed, a.ResetAtUtc, a.ResetReason) })
            .ToListAsync(cancellationToken);
        var completions = await db.ModuleCompletions.AsNoTracking().Where(c => c.UserId == userId)
            .OrderByDescending(c => c.CompletedAtUtc)
            .Select(c => new
            {
                c.ModuleSlug,
                c.CompletedAtUtc,
                c.ModuleVersion,
                Certificate = db.Certificates.Where(x => x.ModuleCompletionId == c.Id).Select(x => new { x.Number, x.RevokedAtUtc }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var exemptions = await db.MinTimeExemptions.AsNoTracking().Where(e => e.UserId == userId)
            .OrderByDescending(e => e.GrantedAtUtc)
            .ToListAsync(cancellationToken);

        var slugs = records.Select(r => r.ModuleSlug)
            .Concat(lessons.Select(l => l.ModuleSlug))
            .Concat(attempts.Select(a => a.ModuleSlug))
            .Concat(completions.Select(c => c.ModuleSlug))
            .Distinct(StringComparer.Ordinal);
        var modules = slugs.Select(slug =>
        {
            var module = library.Find(slug);
            var progress = lessons.Where(l => l.ModuleSlug == slug).ToList();
            // Lessons in the order the module has them now; lessons since removed follow by name.
            var lessonRows = (module?.Lessons.Select(l => (l.Slug, l.Title)) ?? [])
                .Concat(progress.Select(p => (Slug: p.LessonSlug, Title: p.LessonSlug)))
                .DistinctBy(l => l.Slug, StringComparer.Ordinal)
                .Select(l => (l.Title, Row: progress.FirstOrDefault(p => p.LessonSlug == l.Slug)))
                .Select(l => new LessonRow(l.Title, l.Row?.CompletedAtUtc, TimeSpan.FromMilliseconds(l.Row?.ActiveMilliseconds ?? 0), l.Row is not null))
                .ToList();
            var record = records.FirstOrDefault(r => r.ModuleSlug == slug);
            return new ModuleDetail(
                slug,
                module?.Title ?? slug,
                record,
                lessonRows,
                [.. attempts.Where(a => a.ModuleSlug == slug).Select(a => a.Row)],
                [.. completions.Where(c => c.ModuleSlug == slug).Select(c => new CompletionRow(c.CompletedAtUtc, c.ModuleVersion, c.Certificate?.Number, c.Certificate?.RevokedAtUtc))],
                CompletionValidity.IsExpired(record?.ExpiresAtUtc, Now) ? record!.CompletedAtUtc : null);
        }).OrderBy(m => m.Title, StringComparer.CurrentCulture).ToList();

        var name = person.FullName ?? person.Email ?? userId;
        if (audit)
        {
            AuditLog.Add(db, user, AuditActions.LearnerViewed, $"Viewed the learning record of {name}", userId, atUtc: Now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new LearnerDetail(userId, name, person.Email, person.Team, person.Service, person.JobRole, person.EmployeeNumber, person.DeactivatedAtUtc, teams, modules, exemptions);
    }

    /// <summary>
    /// Marks the learner's submitted, failed attempts at a module as reset, so they no longer count
    /// against its attempt limit. An open attempt is left alone; a passed attempt is never reset.
    /// </summary>
    public async Task<(ResetOutcome Outcome, int Count)> ResetAttemptsAsync(ClaimsPrincipal user, string userId, string moduleSlug, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (ReasonProblem(reason) is { } problem)
        {
            return (problem == ExemptionOutcome.ReasonMissing ? ResetOutcome.ReasonMissing : ResetOutcome.ReasonTooLong, 0);
        }

        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await InScopeAsync(db, user, userId, cancellationToken))
        {
            return (ResetOutcome.NotFound, 0);
        }

        // During a renewal only the attempts since the expired completion count, and can be reset.
        var standing = await CompletionValidity.ReadAsync(db, userId, moduleSlug, now, cancellationToken);
        var since = standing.IsExpired ? standing.Latest!.CompletedAtUtc : (DateTime?)null;
        var attempts = await db.AssessmentAttempts
            .Where(a => a.UserId == userId && a.ModuleSlug == moduleSlug && a.SubmittedAtUtc != null && a.ResetAtUtc == null
                && (since == null || a.SubmittedAtUtc > since))
            .ToListAsync(cancellationToken);
        if (standing.IsValid || attempts.Any(a => a.Passed == true))
        {
            return (ResetOutcome.AlreadyPassed, 0);
        }

        if (attempts.Count == 0)
        {
            return (ResetOutcome.NothingToReset, 0);
        }

        var trimmed = reason!.Trim();
        foreach (var attempt in attempts)
        {
            attempt.ResetAtUtc = now;
            attempt.ResetByUserId = user.UserId();
            attempt.ResetReason = trimmed;
        }

        AuditLog.Add(db, user, AuditActions.AttemptsReset,
            $"Reset {attempts.Count} assessment attempt{(attempts.Count == 1 ? "" : "s")} at {library.Find(moduleSlug)?.Title ?? moduleSlug}",
            userId,
            new { ModuleSlug = moduleSlug, Attempts = attempts.Select(a => a.Number).ToArray(), Reason = trimmed },
            now);
        await db.SaveChangesAsync(cancellationToken);
        return (ResetOutcome.Reset, attempts.Count);
    }

    /// <summary>Waives lessons' minimum times for one module (or every module when <paramref name="moduleSlug"/> is null), until the end of <paramref name="expiresOn"/> if given.</summary>
    public async Task<ExemptionOutcome> GrantExemptionAsync(ClaimsPrincipal user, string userId, string? moduleSlug, string? reason, DateOnly? expiresOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (ReasonProblem(reason) is { } problem)
        {
            return problem;
        }

        var module = moduleSlug is null ? null : library.Find(moduleSlug);
        if (moduleSlug is not null && module is null)
        {
            return ExemptionOutcome.UnknownModule;
        }

        var now = Now;
        if (expiresOn is { } date && date <= UkTime.Today(now))
        {
            return ExemptionOutcome.ExpiryNotInFuture;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await InScopeAsync(db, user, userId, cancellationToken))
        {
            return ExemptionOutcome.NotFound;
        }

        var exemption = new MinTimeExemption
        {
            UserId = userId,
            ModuleSlug = module?.Slug,
            Reason = reason!.Trim(),
            GrantedByUserId = user.UserId(),
            GrantedAtUtc = now,
            ExpiresAtUtc = expiresOn is { } end ? UkTime.EndOfDayUtc(end) : null,
        };
        db.MinTimeExemptions.Add(exemption);
        AuditLog.Add(db, user, AuditActions.ExemptionGranted,
            $"Granted a minimum-time exemption for {module?.Title ?? "every module"}{(expiresOn is { } until ? " until " + UkTime.Date(until) : "")}",
            userId,
            new { ModuleSlug = module?.Slug, exemption.Reason, ExpiresAtUtc = exemption.ExpiresAtUtc },
            now);
        await db.SaveChangesAsync(cancellationToken);
        return ExemptionOutcome.Done;
    }

    public async Task<ExemptionOutcome> RevokeExemptionAsync(ClaimsPrincipal user, string userId, long exemptionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var exemption = await db.MinTimeExemptions.SingleOrDefaultAsync(e => e.Id == exemptionId && e.UserId == userId && e.RevokedAtUtc == null, cancellationToken);
        if (exemption is null || !await InScopeAsync(db, user, userId, cancellationToken))
        {
            return ExemptionOutcome.NotFound;
        }

        exemption.RevokedAtUtc = now;
        AuditLog.Add(db, user, AuditActions.ExemptionRevoked,
            $"Revoked the minimum-time exemption for {(exemption.ModuleSlug is null ? "every module" : library.Find(exemption.ModuleSlug)?.Title ?? exemption.ModuleSlug)}",
            userId,
            new { exemption.Id, exemption.ModuleSlug },
            now);
        await db.SaveChangesAsync(cancellationToken);
        return ExemptionOutcome.Done;
    }

    private static ExemptionOutcome? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? ExemptionOutcome.ReasonMissing
        : reason.Trim().Length > MaxReasonLength ? ExemptionOutcome.ReasonTooLong
        : null;

    private static async Task<bool> InScopeAsync(AppDbContext db, ClaimsPrincipal user, string userId, CancellationToken cancellationToken) =>
        await (await StaffScope.ForAsync(db, user, cancellationToken)).ContainsAsync(db, userId, cancellationToken);
}
