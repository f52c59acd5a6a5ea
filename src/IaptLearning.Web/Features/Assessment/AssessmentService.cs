using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Completions;
using IaptLearning.Web.Features.Learning;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Assessment;

public enum StartOutcome
{
    Started,
    LessonsNotDone,
    AlreadyPassed,
    NoAttemptsLeft,
}

public enum SubmitOutcome
{
    Submitted,
    AlreadySubmitted,
    Unanswered,
    NotFound,
}

/// <summary>Everything the assessment page shows for one learner, read in one go.</summary>
public sealed record AssessmentOverview(
    bool LessonsDone,
    ModuleCompletion? Completion,
    AssessmentAttempt? OpenAttempt,
    IReadOnlyList<AssessmentAttempt> SubmittedAttempts,
    int? MaxAttempts,
    CompletionStanding? Standing = null)
{
    /// <summary>The latest completion has expired: the learner renews it by passing again.</summary>
    public bool IsRenewal => Standing?.IsExpired == true;

    /// <summary>
    /// The attempts of the current round: all of them, or during a renewal only those submitted
    /// after the expired completion, so earlier attempts neither block nor use up the renewal.
    /// </summary>
    public IReadOnlyList<AssessmentAttempt> CurrentAttempts => IsRenewal
        ? [.. SubmittedAttempts.Where(a => a.SubmittedAtUtc > Standing!.Latest!.CompletedAtUtc)]
        : SubmittedAttempts;

    /// <summary>Attempts of this round that count against the limit: a manager's reset frees the ones it marks.</summary>
    public int AttemptsUsed => CurrentAttempts.Count(a => a.ResetAtUtc is null);
    public int? AttemptsLeft => MaxAttempts is { } max ? Math.Max(0, max - AttemptsUsed) : null;

    /// <summary>A pass that still stands: a completion that has not expired, or a pass in this round.</summary>
    public bool HasPassed => Standing?.IsValid == true || CurrentAttempts.Any(a => a.Passed == true);
    public bool CanStart => LessonsDone && !HasPassed && OpenAttempt is null && AttemptsLeft is null or > 0;
    public AssessmentAttempt? Latest => CurrentAttempts.OrderByDescending(a => a.Number).FirstOrDefault();
}

/// <summary>Attempts: drawing, saving each answer as it is given, scoring on the server, completing the module.</summary>
public sealed class AssessmentService(
    IDbContextFactory<AppDbContext> factory,
    ModuleProgressReader progress,
    ModuleCompletions completions,
    TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<AssessmentOverview> GetOverviewAsync(string userId, ContentModule module, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        var lessonsDone = (await progress.ReadAsync(userId, module, cancellationToken)).AllLessonsDone(module);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var attempts = await db.AssessmentAttempts.AsNoTracking()
            .Include(a => a.Questions.OrderBy(q => q.Position))
            .Where(a => a.UserId == userId && a.ModuleSlug == module.Slug)
            .OrderBy(a => a.Number)
            .ToListAsync(cancellationToken);
        var standing = await CompletionValidity.ReadAsync(db, userId, module.Slug, Now, cancellationToken);
        return new AssessmentOverview(
            lessonsDone,
            standing.Latest,
            attempts.FirstOrDefault(a => a.SubmittedAtUtc is null),
            [.. attempts.Where(a => a.SubmittedAtUtc is not null)],
            module.Assessment?.MaxAttempts,
            standing);
    }

    public async Task<StartOutcome> StartAsync(string userId, ContentModule module, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        var assessment = module.Assessment ?? throw new InvalidOperationException($"Module '{module.Slug}' has no assessment.");
        var overview = await GetOverviewAsync(userId, module, cancellationToken);
        if (overview.OpenAttempt is not null)
        {
            return StartOutcome.Started;
        }

        if (!overview.LessonsDone)
        {
            return StartOutcome.LessonsNotDone;
        }

        if (overview.HasPassed)
        {
            return StartOutcome.AlreadyPassed;
        }

        if (overview.AttemptsLeft == 0)
        {
            return StartOutcome.NoAttemptsLeft;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var audience = await LearnerAudience.ReadAsync(db, userId, cancellationToken);
        var drawn = AttemptPlanner.Draw(assessment, random, audience.Audience);
        var number = await db.AssessmentAttempts.Where(a => a.UserId == userId && a.ModuleSlug == module.Slug)
            .MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0;
        var attempt = CompletedContent.Attempt(userId, module, assessment, number + 1, Now);
        attempt.QuestionCount = drawn.Count;
        attempt.Questions = [.. drawn.Select((q, i) => new AttemptQuestion
        {
            Position = i,
            QuestionId = q.QuestionId,
            OptionOrder = OptionList.FormatInOrder(q.OptionOrder),
        })];
        db.AssessmentAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second Start (double click, second tab) lost the race to the unique indexes: one attempt is open.
        }

        return StartOutcome.Started;
    }

    /// <summary>Saves one answer straight away. False when the attempt is already submitted or not the learner's.</summary>
    public async Task<bool> SaveAnswerAsync(string userId, ContentModule module, long attemptQuestionId, IReadOnlyCollection<int> chosen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(chosen);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.AttemptQuestions.AsNoTracking()
            .Where(q => q.Id == attemptQuestionId && q.Attempt!.UserId == userId && q.Attempt.ModuleSlug == module.Slug)
            .Select(q => new { q.QuestionId })
            .SingleOrDefaultAsync(cancellationToken);
        var question = row is null ? null : module.Assessment?.Bank.FirstOrDefault(q => q.Id == row.QuestionId);
        if (question is null || chosen.Any(i => i < 0 || i >= question.Options.Length)
            || (question.Kind == QuestionKind.SingleAnswer && chosen.Count > 1))
        {
            return false;
        }

        var value = chosen.Count == 0 ? null : OptionList.Format(chosen);
        var now = Now;
        var updated = await db.AttemptQuestions
            .Where(q => q.Id == attemptQuestionId && q.Attempt!.SubmittedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.ChosenOptions, value).SetProperty(q => q.AnsweredAtUtc, now), cancellationToken);
        return updated == 1;
    }

    /// <summary>
    /// Scores and closes the attempt. The close is a conditional update on an open attempt, so a
    /// repeated submit finds nothing to close and records nothing more.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(string userId, ContentModule module, long attemptId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var attempt = await db.AssessmentAttempts.AsNoTracking()
            .Include(a => a.Questions)
            .SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId && a.ModuleSlug == module.Slug, cancellationToken);
        if (attempt is null)
        {
            return SubmitOutcome.NotFound;
        }

        if (attempt.SubmittedAtUtc is not null)
        {
            return SubmitOutcome.AlreadySubmitted;
        }

        var answers = attempt.Questions
            .Select(q => (Row: q, Question: module.Assessment?.Bank.FirstOrDefault(b => b.Id == q.QuestionId)))
            .Where(x => x.Question is not null)
            .ToList();
        if (answers.Any(a => a.Row.ChosenOptions is null))
        {
            return SubmitOutcome.Unanswered;
        }

        var result = QuizGrader.Grade(answers.Select(a => (a.Question!, OptionList.Parse(a.Row.ChosenOptions))), attempt.PassMark);
        var now = Now;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var closed = await db.AssessmentAttempts
            .Where(a => a.Id == attemptId && a.SubmittedAtUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.SubmittedAtUtc, now)
                .SetProperty(a => a.CorrectCount, result.Correct)
                .SetProperty(a => a.QuestionCount, result.Total)
                .SetProperty(a => a.ScorePercent, result.Percent)
                .SetProperty(a => a.Passed, result.Passed), cancellationToken);
        if (closed == 0)
        {
            return SubmitOutcome.AlreadySubmitted;
        }

        foreach (var (row, graded) in answers.Zip(result.Questions, (a, g) => (a.Row, g)))
        {
            var correct = graded.IsCorrect;
            await db.AttemptQuestions.Where(q => q.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.IsCorrect, correct), cancellationToken);
        }

        // The close above is an ExecuteUpdate, which the records' interceptor does not see.
        await ModuleRecordsInterceptor.TouchAsync(db, userId, cancellationToken);
        if (result.Passed && await CompletesAsync(db, userId, module, attempt, cancellationToken))
        {
            // Commits the close with the completion, then issues the certificate.
            await completions.RecordAsync(db, module, CompletedContent.Completion(userId, attempt, module, now), cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return SubmitOutcome.Submitted;
    }

    /// <summary>
    /// Whether a pass records a completion: a first pass does, and so does a pass on an attempt
    /// started after the latest completion (only possible once that completion has expired).
    /// Otherwise the completion already stands.
    /// </summary>
    private static async Task<bool> CompletesAsync(AppDbContext db, string userId, ContentModule module, AssessmentAttempt attempt, CancellationToken cancellationToken)
    {
        var latest = await db.ModuleCompletions
            .Where(c => c.UserId == userId && c.ModuleSlug == module.Slug)
            .MaxAsync(c => (DateTime?)c.CompletedAtUtc, cancellationToken);
        return latest is null || attempt.StartedAtUtc > latest;
    }
}
