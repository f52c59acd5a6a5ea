using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Records;

/// <summary>
/// Rebuilds <see cref="ModuleRecord"/> rows from the records they summarise (lesson progress,
/// attempts, completions, certificates) and the assignments that apply to each person now.
/// <see cref="ModuleRecordsInterceptor"/> calls it after every save that changes those; writers
/// do not. It recomputes from scratch, so calling it again is always safe.
/// </summary>
public static class ModuleRecords
{
    private const int ChunkSize = 400;

    public static Task RefreshAsync(AppDbContext db, string userId, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        RefreshAsync(db, [userId], nowUtc, cancellationToken);

    public static async Task RefreshAsync(AppDbContext db, IEnumerable<string> userIds, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(userIds);
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.RemovedAtUtc == null && a.UserId == null)
            .ToListAsync(cancellationToken);
        foreach (var chunk in userIds.Distinct(StringComparer.Ordinal).Chunk(ChunkSize))
        {
            await RefreshChunkAsync(db, chunk, assignments, nowUtc, cancellationToken);
        }
    }

    /// <summary>Everyone an assignment may touch (for example after it is created or withdrawn).</summary>
    public static IQueryable<string> PeopleTouchedBy(AppDbContext db, Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assignment);
        var users = db.Users.AsQueryable();
        if (assignment.UserId is { } userId)
        {
            users = users.Where(u => u.Id == userId);
        }

        if (assignment.TeamId is { } teamId)
        {
            users = users.Where(u => u.TeamId == teamId);
        }

        if (assignment.ServiceId is { } serviceId)
        {
            users = users.Where(u => u.Team != null && u.Team.ServiceId == serviceId);
        }

        if (assignment.JobRole is { } role)
        {
            users = users.Where(u => u.JobRole == role);
        }

        return users.Select(u => u.Id);
    }

    /// <summary>Whether an assignment applies to a person in this team, service and job role.</summary>
    public static bool AppliesTo(Assignment assignment, string userId, int? teamId, int? serviceId, JobRole? jobRole)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.RemovedAtUtc is null
            && (assignment.UserId is null || assignment.UserId == userId)
            && (assignment.TeamId is null || assignment.TeamId == teamId)
            && (assignment.ServiceId is null || assignment.ServiceId == serviceId)
            && (assignment.JobRole is null || assignment.JobRole == jobRole);
    }

    private static async Task RefreshChunkAsync(AppDbContext db, string[] ids, List<Assignment> groupAssignments, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.TeamId,
                ServiceId = u.Team == null ? (int?)null : u.Team.ServiceId,
                u.JobRole,
                u.CreatedAtUtc,
                InTeamSinceUtc = db.TeamMemberships.Where(m => m.UserId == u.Id && m.TeamId == u.TeamId && m.ToUtc == null).Max(m => (DateTime?)m.FromUtc),
            })
            .ToListAsync(cancellationToken);
        var personal = await db.Assignments.AsNoTracking()
            .Where(a => a.RemovedAtUtc == null && a.UserId != null && ids.Contains(a.UserId))
            .ToListAsync(cancellationToken);
        var lessons = await db.LessonProgress.AsNoTracking()
            .Where(p => ids.Contains(p.UserId))
            .GroupBy(p => new { p.UserId, p.ModuleSlug })
            .Select(g => new
            {
                g.Key.UserId,
                g.Key.ModuleSlug,
                Started = g.Min(p => p.FirstVisitedAtUtc),
                Last = g.Max(p => p.LastVisitedAtUtc),
                Completed = g.Count(p => p.CompletedAtUtc != null),
                Milliseconds = g.Sum(p => p.ActiveMilliseconds),
            })
            .ToListAsync(cancellationToken);
        var attempts = await db.AssessmentAttempts.AsNoTracking()
            .Where(a => ids.Contains(a.UserId) && a.SubmittedAtUtc != null)
            .GroupBy(a => new { a.UserId, a.ModuleSlug })
            .Select(g => new
            {
                g.Key.UserId,
                g.Key.ModuleSlug,
                Count = g.Count(a => a.ResetAtUtc == null),
                Best = g.Max(a => a.ScorePercent),
                Last = g.Max(a => a.SubmittedAtUtc),
            })
            .ToListAsync(cancellationToken);
        var completions = await db.ModuleCompletions.AsNoTracking()
            .Where(c => ids.Contains(c.UserId))
            .Select(c => new
            {
                c.Id,
                c.UserId,
                c.ModuleSlug,
                c.ModuleVersion,
                c.CompletedAtUtc,
                Score = c.Attempt == null ? null : c.Attempt.ScorePercent,
                Certificate = db.Certificates.Where(x => x.ModuleCompletionId == c.Id && x.RevokedAtUtc == null).Select(x => x.Number).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var existing = (await db.ModuleRecords.Where(r => ids.Contains(r.UserId)).ToListAsync(cancellationToken)).ToLookup(r => r.UserId);
        var lessonsByPerson = lessons.ToLookup(l => l.UserId);
        var attemptsByPerson = attempts.ToLookup(a => a.UserId);
        var exemptionsByPerson = (await db.MinTimeExemptions.AsNoTracking()
                .Where(e => ids.Contains(e.UserId) && e.RevokedAtUtc == null)
                .Select(e => new { e.UserId, e.ModuleSlug, e.ExpiresAtUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.UserId);
        var completionsByPerson = completions.ToLookup(c => c.UserId);

        foreach (var person in people)
        {
            var applying = groupAssignments.Concat(personal)
                .Where(a => AppliesTo(a, person.Id, person.TeamId, person.ServiceId, person.JobRole))
                .ToList();
            var slugs = applying.Select(a => a.ModuleSlug)
                .Concat(lessonsByPerson[person.Id].Select(l => l.ModuleSlug))
                .Concat(attemptsByPerson[person.Id].Select(a => a.ModuleSlug))
                .Concat(completionsByPerson[person.Id].Select(c => c.ModuleSlug))
                .Distinct(StringComparer.Ordinal);
            var joinedAtUtc = Latest(person.CreatedAtUtc, person.InTeamSinceUtc)!.Value;
            var keep = new HashSet<string>(StringComparer.Ordinal);
            foreach (var slug in slugs)
            {
                keep.Add(slug);
                var record = existing[person.Id].FirstOrDefault(r => r.ModuleSlug == slug);
                if (record is null)
                {
                    record = new ModuleRecord { UserId = person.Id, ModuleSlug = slug };
                    db.ModuleRecords.Add(record);
                }

                var forModule = applying.Where(a => a.ModuleSlug == slug).ToList();
                var lesson = lessonsByPerson[person.Id].FirstOrDefault(l => l.ModuleSlug == slug);
                var attempt = attemptsByPerson[person.Id].FirstOrDefault(a => a.ModuleSlug == slug);
                var completion = completionsByPerson[person.Id].Where(c => c.ModuleSlug == slug)
                    .OrderByDescending(c => c.CompletedAtUtc).ThenByDescending(c => c.Id).FirstOrDefault();

                record.TeamId = person.TeamId;
                record.JobRole = person.JobRole;
                record.IsAssigned = forModule.Count > 0;
                var due = forModule.Select(a => DueFor(a, joinedAtUtc)).OrderBy(d => d.Date).FirstOrDefault();
                record.DueAtUtc = forModule.Count > 0 ? UkTime.EndOfDayUtc(due.Date) : null;
                record.NewStarterJoinedAtUtc = forModule.Count > 0 && due.IsNewStarter ? joinedAtUtc : null;
                record.ValidityMonths = forModule.Where(a => a.ValidityMonths is not null).Min(a => a.ValidityMonths);
                record.StartedAtUtc = lesson?.Started;
                record.LastActivityAtUtc = Latest(lesson?.Last, attempt?.Last);
                record.LessonsCompleted = lesson?.Completed ?? 0;
                record.ActiveSeconds = (lesson?.Milliseconds ?? 0) / 1000;
                record.AttemptCount = attempt?.Count ?? 0;
                record.BestScorePercent = attempt?.Best;
                var exemptions = exemptionsByPerson[person.Id].Where(e => e.ModuleSlug is null || e.ModuleSlug == slug).ToList();
                record.MinTimeExemptUntilUtc = exemptions.Count == 0 ? null : exemptions.Max(e => e.ExpiresAtUtc ?? DateTime.MaxValue);
                record.CompletedAtUtc = completion?.CompletedAtUtc;
                record.CompletedVersion = completion?.ModuleVersion;
                record.CompletedScorePercent = completion?.Score;
                record.ExpiresAtUtc = completion is null ? null : CompletionValidity.ExpiresAt(completion.CompletedAtUtc, record.ValidityMonths);
                record.CertificateNumber = completion?.Certificate;
                record.UpdatedAtUtc = nowUtc;
            }

            foreach (var stale in existing[person.Id].Where(r => !keep.Contains(r.ModuleSlug)))
            {
                db.ModuleRecords.Remove(stale);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A person's date for one assignment: its own, or for a group assignment the day the person
    /// joined (UK date) plus its new-starter days, whichever is later.
    /// </summary>
    public static (DateOnly Date, bool IsNewStarter) DueFor(Assignment assignment, DateTime joinedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.UserId is not null)
        {
            return (assignment.DueDate, false);
        }

        var starter = UkTime.Today(joinedAtUtc).AddDays(assignment.NewStarterDays);
        return starter > assignment.DueDate ? (starter, true) : (assignment.DueDate, false);
    }

    /// <summary>"new starter: 28 days from joining on 3 December 2026", for a record whose date is a new starter's.</summary>
    public static string? NewStarterNote(DateTime? dueAtUtc, DateTime? joinedAtUtc)
    {
        if (dueAtUtc is not { } due || joinedAtUtc is not { } joined)
        {
            return null;
        }

        var days = UkTime.DayEndingAt(due).DayNumber - UkTime.Today(joined).DayNumber;
        return $"new starter: {days} {(days == 1 ? "day" : "days")} from joining on {UkTime.Date(joined)}";
    }

    private static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
