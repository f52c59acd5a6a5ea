using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Completions;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IaptLearning.Web.Features.Learning;

/// <summary>What the lesson page needs to know about one learner on one lesson.</summary>
public sealed record LessonState(
    TimeSpan ActiveTime,
    TimeSpan MinimumTime,
    DateTime? CompletedAtUtc,
    IReadOnlyDictionary<string, KnowledgeCheckAnswer> Answers)
{
    /// <summary>How finely the page shows time: one report's worth, so the figures move once a report.</summary>
    public static readonly TimeSpan ShownStep = TimeSpan.FromSeconds(10);

    public TimeSpan Remaining => ActiveTime >= MinimumTime ? TimeSpan.Zero : MinimumTime - ActiveTime;
    public bool IsCompleted => CompletedAtUtc is not null;

    /// <summary>The time on the lesson as the page shows it: rounded down to <see cref="ShownStep"/>.</summary>
    public TimeSpan SpentShown => TimeSpan.FromTicks(ActiveTime.Ticks - (ActiveTime.Ticks % ShownStep.Ticks));

    /// <summary>
    /// What is left as the page shows it: the minimum less <see cref="SpentShown"/>, so the time on the
    /// lesson and the time left always add up to the minimum (one clock, one rounding); none once it is met.
    /// </summary>
    public TimeSpan LeftShown => Remaining == TimeSpan.Zero ? TimeSpan.Zero : MinimumTime - SpentShown;
}

public enum LessonCompletionResult
{
    Completed,
    AlreadyCompleted,
    MinimumTimeNotMet,
    KnowledgeChecksUnanswered,
}

/// <summary>Lesson visits, counted time, knowledge-check answers and lesson completion. One context per call.</summary>
public sealed class LessonProgressService(
    IDbContextFactory<AppDbContext> factory,
    TimeProvider time,
    ModuleCompletions completions,
    IOptions<LearningOptions> options,
    IHostEnvironment environment)
{
    private double MinTimeScale => environment.IsEnvironment("Testing") ? options.Value.MinTimeScale : 1;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Records a visit and returns the learner's state on the lesson.</summary>
    public async Task<LessonState> VisitAsync(string userId, ContentModule module, Lesson lesson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(lesson);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var now = Now;
            var row = await db.LessonProgress.SingleOrDefaultAsync(
                p => p.UserId == userId && p.ModuleSlug == module.Slug && p.LessonSlug == lesson.Slug, cancellationToken);
            if (row is null)
            {
                row = new LessonProgress { UserId = userId, ModuleSlug = module.Slug, LessonSlug = lesson.Slug, FirstVisitedAtUtc = now };
                db.LessonProgress.Add(row);
            }

            row.LastVisitedAtUtc = now;
            row.VisitCount++;
            // Start the clock here unless another tab is already being credited.
            if (row.LastCreditedAtUtc is null || now - row.LastCreditedAtUtc > ActiveTime.MaxCreditPerHeartbeat)
            {
                row.LastCreditedAtUtc = now;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                continue; // Another tab inserted the row first.
            }

            return await ReadStateAsync(db, userId, module, lesson, row, cancellationToken);
        }
    }

    public async Task<LessonState> GetStateAsync(string userId, ContentModule module, Lesson lesson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(lesson);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.LessonProgress.AsNoTracking().SingleOrDefaultAsync(
            p => p.UserId == userId && p.ModuleSlug == module.Slug && p.LessonSlug == lesson.Slug, cancellationToken);
        return await ReadStateAsync(db, userId, module, lesson, row, cancellationToken);
    }

    /// <summary>
    /// Credits time since the last accepted heartbeat, by the server's clock, capped. The update is
    /// conditional on the previous timestamp, so concurrent tabs take turns and never double-count.
    /// </summary>
    public async Task<TimeSpan> HeartbeatAsync(string userId, string moduleSlug, string lessonSlug, bool wasActive, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await db.LessonProgress.AsNoTracking()
                .Where(p => p.UserId == userId && p.ModuleSlug == moduleSlug && p.LessonSlug == lessonSlug)
                .Select(p => new { p.Id, p.LastCreditedAtUtc, p.ActiveMilliseconds })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return TimeSpan.Zero;
            }

            var now = Now;
            if (row.LastCreditedAtUtc is { } last && now < last)
            {
                return TimeSpan.FromMilliseconds(row.ActiveMilliseconds);
            }

            var credit = (long)ActiveTime.Credit(row.LastCreditedAtUtc, now, wasActive).TotalMilliseconds;
            var previous = row.LastCreditedAtUtc;
            var updated = await db.LessonProgress
                .Where(p => p.Id == row.Id && p.LastCreditedAtUtc == previous)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.ActiveMilliseconds, p => p.ActiveMilliseconds + credit)
                    .SetProperty(p => p.LastCreditedAtUtc, now), cancellationToken);
            if (updated == 1)
            {
                return TimeSpan.FromMilliseconds(row.ActiveMilliseconds + credit);
            }
        }

        return TimeSpan.Zero;
    }

    /// <summary>Saves the learner's first answer to a knowledge check; a later answer does not replace it.</summary>
    public async Task<KnowledgeCheckAnswer> AnswerAsync(string userId, ContentModule module, Lesson lesson, Question question, IReadOnlyCollection<int> chosen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(lesson);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(chosen);
        // Marked against the lesson's own question of that id, never an object the caller made.
        question = lesson.Questions.FirstOrDefault(q => q.Id == question.Id)
            ?? throw new ArgumentException($"'{question.Id}' is not a knowledge check in this lesson.", nameof(question));
        if (chosen.Count == 0 || chosen.Any(i => i < 0 || i >= question.Options.Length)
            || (question.Kind == QuestionKind.SingleAnswer && chosen.Count != 1))
        {
            throw new ArgumentException("Not a valid answer to this question.", nameof(chosen));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.KnowledgeCheckAnswers.AsNoTracking().SingleOrDefaultAsync(
            a => a.UserId == userId && a.ModuleSlug == module.Slug && a.QuestionId == question.Id, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var answer = new KnowledgeCheckAnswer
        {
            UserId = userId,
            ModuleSlug = module.Slug,
            LessonSlug = lesson.Slug,
            QuestionId = question.Id,
            ChosenOptions = OptionList.Format(chosen),
            IsCorrect = question.IsAnsweredCorrectly(chosen),
            AnsweredAtUtc = Now,
        };
        db.KnowledgeCheckAnswers.Add(answer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return answer;
        }
        catch (DbUpdateException)
        {
            // Answered at the same moment in another tab: that answer stands.
            await using var again = await factory.CreateDbContextAsync(cancellationToken);
            return await again.KnowledgeCheckAnswers.AsNoTracking().SingleAsync(
                a => a.UserId == userId && a.ModuleSlug == module.Slug && a.QuestionId == question.Id, cancellationToken);
        }
    }

    /// <summary>Marks the lesson done if the server's own record says its conditions are met.</summary>
    public async Task<LessonCompletionResult> CompleteAsync(string userId, ContentModule module, Lesson lesson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(lesson);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.LessonProgress.SingleOrDefaultAsync(
            p => p.UserId == userId && p.ModuleSlug == module.Slug && p.LessonSlug == lesson.Slug, cancellationToken);
        var state = await ReadStateAsync(db, userId, module, lesson, row, cancellationToken);
        if (row is null)
        {
            return LessonCompletionResult.MinimumTimeNotMet;
        }

        if (state.IsCompleted)
        {
            return LessonCompletionResult.AlreadyCompleted;
        }

        if (state.Remaining > TimeSpan.Zero)
        {
            return LessonCompletionResult.MinimumTimeNotMet;
        }

        // Questions in for sections of other audiences may be answered, but need not be.
        var audience = await LearnerAudience.ReadAsync(db, userId, cancellationToken);
        if (lesson.Questions.Where(audience.MustAnswer).Any(q => !state.Answers.ContainsKey(q.Id)))
        {
            return LessonCompletionResult.KnowledgeChecksUnanswered;
        }

        row.CompletedAtUtc = Now;
        row.CompletedContentHash = lesson.ContentHash;
        await db.SaveChangesAsync(cancellationToken);

        if (module.Assessment is null)
        {
            await CompleteModuleWithoutAssessmentAsync(db, userId, module, audience, cancellationToken);
        }

        return LessonCompletionResult.Completed;
    }

    /// <summary>
    /// Records the completion once every lesson the learner's audience must complete is done in this
    /// round: all of them, once per version; during a renewal (the latest completion has expired)
    /// every such lesson completed again since it. Lessons for other audiences are optional.
    /// </summary>
    private async Task CompleteModuleWithoutAssessmentAsync(AppDbContext db, string userId, ContentModule module, LearnerAudience audience, CancellationToken cancellationToken)
    {
        var standing = await CompletionValidity.ReadAsync(db, userId, module.Slug, Now, cancellationToken);
        if (!standing.IsExpired && await db.ModuleCompletions.AnyAsync(
                c => c.UserId == userId && c.ModuleSlug == module.Slug && c.ModuleVersion == module.Version, cancellationToken))
        {
            return;
        }

        var since = standing.IsExpired ? standing.Latest!.CompletedAtUtc : (DateTime?)null;
        var slugs = module.Lessons.Where(audience.MustComplete).Select(l => l.Slug).ToList();
        var done = await db.LessonProgress.CountAsync(
            p => p.UserId == userId && p.ModuleSlug == module.Slug && p.CompletedAtUtc != null && (since == null || p.CompletedAtUtc > since)
                && slugs.Contains(p.LessonSlug), cancellationToken);
        if (done == slugs.Count)
        {
            await completions.RecordAsync(db, module, CompletedContent.Completion(userId, module, Now), cancellationToken);
        }
    }

    /// <summary>
    /// When the lesson was completed, unless a renewal asks for it again: in a module without an
    /// assessment, a lesson completed before an expired completion is to be completed once more.
    /// Its active time and visits are kept; only the completion date moves on when it is redone.
    /// </summary>
    private async Task<DateTime?> CompletedThisRoundAsync(AppDbContext db, string userId, ContentModule module, LessonProgress? row, CancellationToken cancellationToken)
    {
        if (row?.CompletedAtUtc is not { } completed || module.Assessment is not null)
        {
            return row?.CompletedAtUtc;
        }

        var standing = await CompletionValidity.ReadAsync(db, userId, module.Slug, Now, cancellationToken);
        return standing.IsExpired && completed <= standing.Latest!.CompletedAtUtc ? null : completed;
    }

    private async Task<LessonState> ReadStateAsync(AppDbContext db, string userId, ContentModule module, Lesson lesson, LessonProgress? row, CancellationToken cancellationToken)
    {
        var now = Now;
        var exempt = await db.MinTimeExemptions.AnyAsync(
            e => e.UserId == userId && (e.ModuleSlug == null || e.ModuleSlug == module.Slug)
                && e.RevokedAtUtc == null && (e.ExpiresAtUtc == null || e.ExpiresAtUtc > now),
            cancellationToken);
        var questionIds = lesson.Questions.Select(q => q.Id).ToList();
        var answers = await db.KnowledgeCheckAnswers.AsNoTracking()
            .Where(a => a.UserId == userId && a.ModuleSlug == module.Slug && questionIds.Contains(a.QuestionId))
            .ToDictionaryAsync(a => a.QuestionId, StringComparer.Ordinal, cancellationToken);
        return new LessonState(
            TimeSpan.FromMilliseconds(row?.ActiveMilliseconds ?? 0),
            ActiveTime.EffectiveMinimum(lesson.MinTime, MinTimeScale, exempt),
            await CompletedThisRoundAsync(db, userId, module, row, cancellationToken),
            answers);
    }
}
