using IaptLearning.Content;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Assessment;
using IaptLearning.Web.Features.Assignments;
using IaptLearning.Web.Features.Certificates;
using IaptLearning.Web.Features.Learning;
using IaptLearning.Web.Features.Records;
using IaptLearning.Web.Tests.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Assessment;

/// <summary>
/// Renewal of an expired completion: a module assigned with a validity of one month, the clock
/// moved past the expiry, and the learner passing again.
/// </summary>
[Collection(RenewalApp.Name)]
public class RenewalTests(WebAppFixture app)
{
    private static readonly TimeSpan PastExpiry = TimeSpan.FromDays(32);

    private AssessmentService Service => app.Get<AssessmentService>();
    private ContentModule Module => app.SampleModule;
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Start_CompletionStillValid_IsAlreadyPassed()
    {
        var user = await PassedWithValidityAsync();
        app.Clock.Advance(TimeSpan.FromDays(27));

        var overview = await Service.GetOverviewAsync(user, Module);
        Assert.False(overview.IsRenewal);
        Assert.False(overview.CanStart);
        Assert.Equal(StartOutcome.AlreadyPassed, await Service.StartAsync(user, Module, new Random(1)));
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(1, await db.AssessmentAttempts.CountAsync(a => a.UserId == user));
            Assert.Equal(1, await db.ModuleCompletions.CountAsync(c => c.UserId == user));
        });
    }

    [Fact]
    public async Task Start_NoValidityPeriod_IsAlreadyPassedForever()
    {
        var user = await CompleteLessonsAsync();
        await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: true));
        app.Clock.Advance(PastExpiry);

        Assert.Equal(StartOutcome.AlreadyPassed, await Service.StartAsync(user, Module, new Random(1)));
    }

    [Fact]
    public async Task Start_CompletionExpired_StartsARenewalWithEveryAttemptAvailable()
    {
        var user = await PassedWithValidityAsync();
        app.Clock.Advance(PastExpiry);

        var overview = await Service.GetOverviewAsync(user, Module);
        Assert.True(overview.IsRenewal);
        Assert.False(overview.HasPassed);
        Assert.True(overview.CanStart);
        Assert.Null(overview.Latest);
        Assert.Equal(Module.Assessment!.MaxAttempts, overview.AttemptsLeft);
        Assert.Equal(StartOutcome.Started, await Service.StartAsync(user, Module, new Random(1)));
        Assert.NotNull((await Service.GetOverviewAsync(user, Module)).OpenAttempt);
    }

    [Fact]
    public async Task Submit_RenewalPassed_AddsCompletionCertificateAndMovesTheRecordOn()
    {
        var user = await PassedWithValidityAsync();
        await app.ExecuteDbAsync(async before =>
        {
            Assert.Equal(RecordStatus.Completed, RecordStatuses.Of(await before.ModuleRecords.SingleAsync(r => r.UserId == user), Now));
        });

        app.Clock.Advance(PastExpiry);
        await app.ExecuteDbAsync(async expired =>
        {
            await ModuleRecords.RefreshAsync(expired, user, Now);
            Assert.Equal(RecordStatus.Overdue, RecordStatuses.Of(await expired.ModuleRecords.SingleAsync(r => r.UserId == user), Now));
        });

        var renewedAt = Now;
        Assert.Equal(SubmitOutcome.Submitted, await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: true)));

        await app.ExecuteDbAsync(async db =>
        {
            var completions = await db.ModuleCompletions.Where(c => c.UserId == user).OrderBy(c => c.CompletedAtUtc).ToListAsync();
            Assert.Equal([0, 1], completions.Select(c => c.RenewalNumber));
            Assert.Equal(renewedAt, completions[1].CompletedAtUtc);
            var certificates = await db.Certificates.Where(c => c.UserId == user).OrderBy(c => c.IssuedAtUtc).ToListAsync();
            Assert.Equal(completions.Select(c => c.Id), certificates.Select(c => c.ModuleCompletionId));
            Assert.NotEqual(certificates[0].Number, certificates[1].Number);

            var record = await db.ModuleRecords.SingleAsync(r => r.UserId == user);
            Assert.Equal(renewedAt, record.CompletedAtUtc);
            Assert.Equal(renewedAt.AddMonths(1), record.ExpiresAtUtc);
            Assert.Equal(certificates[1].Number, record.CertificateNumber);
            Assert.Equal(RecordStatus.Completed, RecordStatuses.Of(record, Now));

            // The earlier certificate is still evidence of the earlier completion.
            var earlier = await app.Get<CertificateVerifier>().FindAsync(certificates[0].VerificationCode, certificates[0].Number);
            Assert.NotNull(earlier);
            Assert.False(earlier.IsRevoked);

            var overview = await Service.GetOverviewAsync(user, Module);
            Assert.False(overview.IsRenewal);
            Assert.True(overview.HasPassed);
            Assert.Equal(completions[1].Id, overview.Completion!.Id);
            Assert.Equal(StartOutcome.AlreadyPassed, await Service.StartAsync(user, Module, new Random(2)));
        });
    }

    [Fact]
    public async Task Submit_RenewalRepeatedAndConcurrent_RecordsOneCompletionAndOneCertificate()
    {
        var user = await PassedWithValidityAsync();
        app.Clock.Advance(PastExpiry);
        var attemptId = await AnswerAllAsync(user, correct: true);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => Service.SubmitAsync(user, Module, attemptId))));
        Assert.Equal(SubmitOutcome.AlreadySubmitted, await Service.SubmitAsync(user, Module, attemptId));

        Assert.Equal(1, outcomes.Count(o => o == SubmitOutcome.Submitted));
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(2, await db.ModuleCompletions.CountAsync(c => c.UserId == user));
            Assert.Equal(1, await db.ModuleCompletions.CountAsync(c => c.UserId == user && c.AttemptId == attemptId));
            Assert.Equal(2, await db.Certificates.CountAsync(c => c.UserId == user));
        });
    }

    [Fact]
    public async Task Start_RenewalAttemptLimit_CountsOnlyAttemptsSinceTheExpiredCompletion()
    {
        var max = Module.Assessment!.MaxAttempts!.Value;
        var user = await CompleteLessonsAsync();
        for (var i = 1; i < max; i++)
        {
            await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: false));
        }

        await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: true));
        await AssignWithValidityAsync(user);
        app.Clock.Advance(PastExpiry);

        Assert.Equal(max, (await Service.GetOverviewAsync(user, Module)).AttemptsLeft);
        for (var i = 1; i < max; i++)
        {
            await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: false));
        }

        Assert.Equal(1, (await Service.GetOverviewAsync(user, Module)).AttemptsLeft);
        await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: false));
        var overview = await Service.GetOverviewAsync(user, Module);
        Assert.Equal((0, max), (overview.AttemptsLeft!.Value, overview.AttemptsUsed));
        Assert.Equal(StartOutcome.NoAttemptsLeft, await Service.StartAsync(user, Module, new Random(3)));
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(1, await db.ModuleCompletions.CountAsync(c => c.UserId == user));
        });
    }

    [Fact]
    public async Task CompleteLesson_ModuleWithoutAssessmentExpired_RenewsOnceEveryLessonIsCompletedAgain()
    {
        var module = WithoutAssessment();
        var lessons = app.Get<LessonProgressService>();
        var user = await CompleteLessonsAsync(module);
        await AssignWithValidityAsync(user, module.Slug);

        // Before expiry, lessons stay completed and nothing more is recorded.
        Assert.Equal(LessonCompletionResult.AlreadyCompleted, await lessons.CompleteAsync(user, module, module.Lessons[0]));
        app.Clock.Advance(PastExpiry);

        var first = await lessons.GetStateAsync(user, module, module.Lessons[0]);
        Assert.False(first.IsCompleted);
        Assert.True(first.ActiveTime > TimeSpan.Zero, "Time spent before the renewal is kept.");
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(1, await db.ModuleCompletions.CountAsync(c => c.UserId == user));
        });

        foreach (var lesson in module.Lessons)
        {
            Assert.Equal(LessonCompletionResult.Completed, await lessons.CompleteAsync(user, module, lesson));
        }

        await app.ExecuteDbAsync(async after =>
        {
            var completions = await after.ModuleCompletions.Where(c => c.UserId == user).OrderBy(c => c.RenewalNumber).ToListAsync();
            Assert.Equal([0, 1], completions.Select(c => c.RenewalNumber));
            Assert.Equal(2, await after.Certificates.CountAsync(c => c.UserId == user));
            var record = await after.ModuleRecords.SingleAsync(r => r.UserId == user && r.ModuleSlug == module.Slug);
            Assert.Equal(RecordStatus.Completed, RecordStatuses.Of(record, Now));
            Assert.True((await lessons.GetStateAsync(user, module, module.Lessons[0])).IsCompleted);
        });
    }

    [Fact]
    public async Task ResetAttempts_DuringRenewal_ResetsOnlyTheRenewalsAttempts()
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        var user = await CompleteLessonsAsync(learner.Id);
        await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: false));
        await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: true));
        await AssignWithValidityAsync(user);
        var records = app.Get<LearnerRecordService>();
        Assert.Equal(ResetOutcome.AlreadyPassed, (await records.ResetAttemptsAsync(manager.Principal, user, Module.Slug, "Retrained")).Outcome);

        app.Clock.Advance(PastExpiry);
        Assert.Equal(ResetOutcome.NothingToReset, (await records.ResetAttemptsAsync(manager.Principal, user, Module.Slug, "Retrained")).Outcome);
        await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: false));
        var detail = (await records.ReadAsync(manager.Principal, user, audit: false))!.Modules.Single(m => m.Slug == Module.Slug);
        Assert.False(detail.HasPassed);
        Assert.True(detail.HasResettable);

        Assert.Equal((ResetOutcome.Reset, 1), await records.ResetAttemptsAsync(manager.Principal, user, Module.Slug, "Retrained"));
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(1, await db.AssessmentAttempts.CountAsync(a => a.UserId == user && a.ResetAtUtc != null));
            Assert.Equal(Module.Assessment!.MaxAttempts, (await Service.GetOverviewAsync(user, Module)).AttemptsLeft);
        });
    }

    [Fact]
    public async Task Pages_Renewal_ExplainTheRenewalThenListBothCertificatesLatestFirst()
    {
        var (user, email) = await app.CreatePersonAsync();
        await CompleteLessonsAsync(user);
        await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: true));
        await AssignWithValidityAsync(user);
        using (var before = await app.SignInAsync(email))
        {
            Assert.DoesNotContain("Renewal:", await before.GetStringAsync("/modules/sample-module/assessment"));
        }

        // Signed in again: the clock has moved past the sign-in cookie's lifetime too.
        app.Clock.Advance(PastExpiry);
        using var client = await app.SignInAsync(email);
        var assessment = await client.GetStringAsync("/modules/sample-module/assessment");
        Assert.Contains("Renewal: refresh your knowledge, then pass the assessment again", assessment);
        Assert.Contains($"href=\"{ContentAddresses.Lesson(Module.Slug, Module.Lessons[0].Slug)}\"", assessment);
        Assert.Contains("Start the assessment", assessment);
        Assert.Contains("Renew module", await client.GetStringAsync("/modules/sample-module"));

        // The renewal's first attempt is numbered within the renewal, against the full limit.
        var renewal = await AnswerAllAsync(user, correct: true);
        Assert.Contains($"Attempt 1 of {Module.Assessment!.MaxAttempts}.", await client.GetStringAsync("/modules/sample-module/assessment"));
        await Service.SubmitAsync(user, Module, renewal);
        await app.ExecuteDbAsync(async db =>
        {
            var numbers = await db.Certificates.Where(c => c.UserId == user).OrderByDescending(c => c.IssuedAtUtc).Select(c => c.Number).ToListAsync();
            Assert.Equal(2, numbers.Count);
            foreach (var page in new[] { "/modules/sample-module", "/cpd" })
            {
                var html = await client.GetStringAsync(page);
                Assert.DoesNotContain("Renewal:", html);
                var latest = html.IndexOf(numbers[0], StringComparison.Ordinal);
                Assert.True(latest >= 0, $"{page} lists the renewal's certificate.");
                Assert.True(html.IndexOf(numbers[1], StringComparison.Ordinal) > latest, $"{page} lists the earlier certificate after it.");
            }
        });
    }

    [Fact]
    public async Task Schema_SecondCompletionWithTheSameRenewalNumberOrAttempt_IsRefused()
    {
        var user = await PassedWithValidityAsync();
        await app.ExecuteDbAsync(async db =>
        {
            var first = await db.ModuleCompletions.AsNoTracking().SingleAsync(c => c.UserId == user);

            db.ModuleCompletions.Add(Copy(first, renewalNumber: 0, attemptId: null));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.ModuleCompletions.Add(Copy(first, renewalNumber: 1, attemptId: first.AttemptId));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.ModuleCompletions.Add(Copy(first, renewalNumber: 1, attemptId: null));
            await db.SaveChangesAsync();

            static ModuleCompletion Copy(ModuleCompletion c, int renewalNumber, long? attemptId) => new()
            {
                UserId = c.UserId,
                ModuleSlug = c.ModuleSlug,
                ModuleVersion = c.ModuleVersion,
                ContentHash = c.ContentHash,
                CompletedAtUtc = c.CompletedAtUtc,
                RenewalNumber = renewalNumber,
                AttemptId = attemptId,
            };
        });
    }

    private ContentModule WithoutAssessment() => new()
    {
        Slug = "renewal-no-assessment",
        Title = Module.Title,
        Summary = Module.Summary,
        Version = Module.Version,
        OverviewHtml = Module.OverviewHtml,
        Lessons = Module.Lessons,
        Outcomes = Module.Outcomes,
        CpdMinutes = Module.CpdMinutes,
        ContentHash = Module.ContentHash,
        FolderPath = Module.FolderPath,
    };


    /// <summary>A learner who passed first time, with the module assigned to them valid for one month.</summary>
    private async Task<string> PassedWithValidityAsync()
    {
        var user = await CompleteLessonsAsync();
        Assert.Equal(SubmitOutcome.Submitted, await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: true)));
        await AssignWithValidityAsync(user);
        return user;
    }

    private async Task AssignWithValidityAsync(string user, string? slug = null)
    {
        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.Add(new Assignment
            {
                ModuleSlug = slug ?? Module.Slug,
                UserId = user,
                DueDate = DateOnly.FromDateTime(Now).AddDays(60),
                ValidityMonths = 1,
                CreatedByUserId = user,
                CreatedAtUtc = Now,
            });
            await db.SaveChangesAsync();
            await ModuleRecords.RefreshAsync(db, user, Now);
        });
    }

    private Task<long> AnswerAllAsync(string user, bool correct) => AssessmentSteps.AnswerAllAsync(Service, Module, user, correct);

    private Task<string> CompleteLessonsAsync(ContentModule? module = null) => AssessmentSteps.CompleteLessonsAsync(app, module ?? Module);

    private Task<string> CompleteLessonsAsync(string user) => AssessmentSteps.CompleteLessonsAsync(app, Module, user);
}

/// <summary>
/// An app of its own for renewal: these tests move the clock on by months, and the shared app's
/// other tests expect its clock to stay on the day it starts (5 March 2026).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RenewalApp : ICollectionFixture<WebAppFixture>
{
    public const string Name = "renewal app";
}
