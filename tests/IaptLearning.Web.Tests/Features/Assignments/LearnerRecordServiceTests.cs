using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Assessment;
using IaptLearning.Web.Features.Assignments;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Features.Learning;
using IaptLearning.Web.Tests.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Assignments;

[Collection(WebAppTests.Name)]
public class LearnerRecordServiceTests(WebAppFixture app)
{
    private LearnerRecordService Service => app.Get<LearnerRecordService>();
    private AssessmentService Assessment => app.Get<AssessmentService>();
    private string Slug => app.SampleModule.Slug;

    [Fact]
    public async Task Read_OtherServiceOrUnknown_IsNullLikeMissing()
    {
        var (org, manager, _) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        var other = await app.CreatePersonAsync(teamId: org.TeamB1);

        Assert.Null(await Service.ReadAsync(manager.Principal, other.Id, audit: true));
        Assert.Null(await Service.ReadAsync(manager.Principal, "no-such-person", audit: true));
        await app.ExecuteDbAsync(async db =>
        {
            Assert.False(await db.AuditEvents.AnyAsync(e => e.ActorUserId == manager.Id));
        });
    }

    [Fact]
    public async Task Read_AfterMoveToAnotherService_OldManagerNoLongerSees()
    {
        var (org, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        var managerB = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceB]);
        Assert.NotNull(await Service.ReadAsync(manager.Principal, learner.Id, audit: false));

        await app.MovePersonAsync(learner.Id, org.TeamB1);

        Assert.Null(await Service.ReadAsync(manager.Principal, learner.Id, audit: false));
        var detail = await Service.ReadAsync(managerB.Principal, learner.Id, audit: false);
        Assert.Equal(2, detail!.Teams.Count);
        Assert.Equal($"Team B1 {org.Suffix}", detail.TeamName);
    }

    [Fact]
    public async Task Read_InScope_AuditsTheViewOnlyWhenAsked()
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);

        await Service.ReadAsync(manager.Principal, learner.Id, audit: true);
        await Service.ReadAsync(manager.Principal, learner.Id, audit: false);

        await app.ExecuteDbAsync(async db =>
        {
            var audit = await db.AuditEvents.SingleAsync(e => e.ActorUserId == manager.Id);
            Assert.Equal(AuditActions.LearnerViewed, audit.Action);
            Assert.Equal(learner.Id, audit.SubjectUserId);
        });
    }

    [Fact]
    public async Task ResetAttempts_AfterLimitReached_FreesTheLimitKeepsTheAttemptsAndAudits()
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        var max = app.SampleModule.Assessment!.MaxAttempts!.Value;
        await LessonsDoneAsync(learner.Id);
        for (var i = 1; i <= max; i++)
        {
            await AddAttemptAsync(learner.Id, i, passed: false);
        }

        Assert.Equal(StartOutcome.NoAttemptsLeft, await Assessment.StartAsync(learner.Id, app.SampleModule, new Random(1)));

        var (outcome, count) = await Service.ResetAttemptsAsync(manager.Principal, learner.Id, Slug, "  Struggled with the exam format; retrained  ");

        Assert.Equal((ResetOutcome.Reset, max), (outcome, count));
        var overview = await Assessment.GetOverviewAsync(learner.Id, app.SampleModule);
        Assert.Equal(0, overview.AttemptsUsed);
        Assert.Equal(max, overview.AttemptsLeft);
        Assert.Equal(StartOutcome.Started, await Assessment.StartAsync(learner.Id, app.SampleModule, new Random(1)));
        await app.ExecuteDbAsync(async db =>
        {
            var attempts = await db.AssessmentAttempts.Where(a => a.UserId == learner.Id && a.SubmittedAtUtc != null).ToListAsync();
            Assert.Equal(max, attempts.Count);
            Assert.All(attempts, a => Assert.Equal((manager.Id, "Struggled with the exam format; retrained"), (a.ResetByUserId, a.ResetReason)));
            var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.AttemptsReset && e.SubjectUserId == learner.Id);
            Assert.Equal(manager.Id, audit.ActorUserId);
            Assert.Contains("retrained", audit.DetailsJson, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ResetAttempts_OpenAttempt_IsLeftAlone()
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        await AddAttemptAsync(learner.Id, 1, passed: false);
        await AddAttemptAsync(learner.Id, 2, passed: null);

        Assert.Equal((ResetOutcome.Reset, 1), await Service.ResetAttemptsAsync(manager.Principal, learner.Id, Slug, "Reason"));

        await app.ExecuteDbAsync(async db =>
        {
            var open = await db.AssessmentAttempts.SingleAsync(a => a.UserId == learner.Id && a.SubmittedAtUtc == null);
            Assert.Null(open.ResetAtUtc);
        });
    }

    [Fact]
    public async Task ResetAttempts_Passed_ResetsNothing()
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        await AddAttemptAsync(learner.Id, 1, passed: false);
        await AddAttemptAsync(learner.Id, 2, passed: true);

        Assert.Equal((ResetOutcome.AlreadyPassed, 0), await Service.ResetAttemptsAsync(manager.Principal, learner.Id, Slug, "Reason"));
        await AssertNothingResetAsync(learner.Id);
    }

    [Theory]
    [InlineData(null, ResetOutcome.ReasonMissing)]
    [InlineData("   ", ResetOutcome.ReasonMissing)]
    [InlineData("long", ResetOutcome.ReasonTooLong)]
    public async Task ResetAttempts_BadReason_ResetsNothing(string? reason, ResetOutcome expected)
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        await AddAttemptAsync(learner.Id, 1, passed: false);
        reason = reason == "long" ? new string('x', LearnerRecordService.MaxReasonLength + 1) : reason;

        Assert.Equal((expected, 0), await Service.ResetAttemptsAsync(manager.Principal, learner.Id, Slug, reason));
        await AssertNothingResetAsync(learner.Id);
    }

    [Fact]
    public async Task ResetAttempts_OutOfScope_IsNotFoundAndResetsNothing()
    {
        var (org, _, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        var teamManager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA2]);
        await AddAttemptAsync(learner.Id, 1, passed: false);

        Assert.Equal((ResetOutcome.NotFound, 0), await Service.ResetAttemptsAsync(teamManager.Principal, learner.Id, Slug, "Reason"));
        await AssertNothingResetAsync(learner.Id);
    }

    [Fact]
    public async Task GrantExemption_ForTheModule_WaivesTheMinimumTimeAndAudits()
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        var lessons = app.Get<LessonProgressService>();
        var lesson = app.SampleModule.Lessons[0];
        await lessons.VisitAsync(learner.Id, app.SampleModule, lesson);
        foreach (var question in lesson.Questions)
        {
            await lessons.AnswerAsync(learner.Id, app.SampleModule, lesson, question, [question.Options.First(o => o.IsCorrect).Index]);
        }

        Assert.Equal(LessonCompletionResult.MinimumTimeNotMet, await lessons.CompleteAsync(learner.Id, app.SampleModule, lesson));

        Assert.Equal(ExemptionOutcome.Done, await Service.GrantExemptionAsync(manager.Principal, learner.Id, Slug, "Reasonable adjustment: screen reader", null));

        Assert.Equal(LessonCompletionResult.Completed, await lessons.CompleteAsync(learner.Id, app.SampleModule, lesson));
        await app.ExecuteDbAsync(async db =>
        {
            var exemption = await db.MinTimeExemptions.SingleAsync(e => e.UserId == learner.Id);
            Assert.Equal((Slug, manager.Id), (exemption.ModuleSlug, exemption.GrantedByUserId));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ExemptionGranted && e.SubjectUserId == learner.Id && e.ActorUserId == manager.Id));
        });
    }

    [Fact]
    public async Task RevokeExemption_KeepsTheRowRestoresTheMinimumAndAudits()
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        var lessons = app.Get<LessonProgressService>();
        var lesson = app.SampleModule.Lessons[0];
        var tomorrow = IaptLearning.Web.Components.Shared.UkTime.Today(app.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        Assert.Equal(ExemptionOutcome.Done, await Service.GrantExemptionAsync(manager.Principal, learner.Id, null, "Every module", tomorrow));
        Assert.Equal(TimeSpan.Zero, (await lessons.GetStateAsync(learner.Id, app.SampleModule, lesson)).MinimumTime);
        var id = await app.ExecuteDbAsync(async db => (await db.MinTimeExemptions.SingleAsync(e => e.UserId == learner.Id)).Id);

        Assert.Equal(ExemptionOutcome.Done, await Service.RevokeExemptionAsync(manager.Principal, learner.Id, id));
        Assert.Equal(ExemptionOutcome.NotFound, await Service.RevokeExemptionAsync(manager.Principal, learner.Id, id));

        Assert.NotEqual(TimeSpan.Zero, (await lessons.GetStateAsync(learner.Id, app.SampleModule, lesson)).MinimumTime);
        await app.ExecuteDbAsync(async after =>
        {
            Assert.NotNull((await after.MinTimeExemptions.SingleAsync(e => e.Id == id)).RevokedAtUtc);
            Assert.True(await after.AuditEvents.AnyAsync(e => e.Action == AuditActions.ExemptionRevoked && e.SubjectUserId == learner.Id));
        });
    }

    [Fact]
    public async Task GrantExemption_BadInputOrOutOfScope_GrantsNothing()
    {
        var (org, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        var other = await app.CreatePersonAsync(teamId: org.TeamB1);
        var today = IaptLearning.Web.Components.Shared.UkTime.Today(app.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(ExemptionOutcome.ReasonMissing, await Service.GrantExemptionAsync(manager.Principal, learner.Id, Slug, " ", null));
        Assert.Equal(ExemptionOutcome.ReasonTooLong, await Service.GrantExemptionAsync(manager.Principal, learner.Id, Slug, new string('x', 501), null));
        Assert.Equal(ExemptionOutcome.UnknownModule, await Service.GrantExemptionAsync(manager.Principal, learner.Id, "no-such-module", "Reason", null));
        Assert.Equal(ExemptionOutcome.ExpiryNotInFuture, await Service.GrantExemptionAsync(manager.Principal, learner.Id, Slug, "Reason", today));
        Assert.Equal(ExemptionOutcome.NotFound, await Service.GrantExemptionAsync(manager.Principal, other.Id, Slug, "Reason", null));

        await app.ExecuteDbAsync(async db =>
        {
            Assert.False(await db.MinTimeExemptions.AnyAsync(e => e.UserId == learner.Id || e.UserId == other.Id));
        });
    }

    private async Task LessonsDoneAsync(string userId)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.ExecuteDbAsync(async db =>
        {
            db.LessonProgress.AddRange(app.SampleModule.Lessons.Select(l => new LessonProgress
            {
                UserId = userId, ModuleSlug = Slug, LessonSlug = l.Slug, FirstVisitedAtUtc = now, LastVisitedAtUtc = now, CompletedAtUtc = now,
            }));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A submitted attempt that passed or failed, or an open one when <paramref name="passed"/> is null.</summary>
    private async Task AddAttemptAsync(string userId, int number, bool? passed)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.ExecuteDbAsync(async db =>
        {
            db.AssessmentAttempts.Add(new AssessmentAttempt
            {
                UserId = userId, ModuleSlug = Slug, Number = number, ModuleVersion = app.SampleModule.Version, ContentHash = app.SampleModule.ContentHash,
                PassMark = 50, StartedAtUtc = now, QuestionCount = 2,
                SubmittedAtUtc = passed is null ? null : now, Passed = passed, ScorePercent = passed switch { true => 100, false => 0, _ => null },
            });
            await db.SaveChangesAsync();
        });
    }

    private async Task AssertNothingResetAsync(string userId)
    {
        await app.ExecuteDbAsync(async db =>
        {
            Assert.False(await db.AssessmentAttempts.AnyAsync(a => a.UserId == userId && a.ResetAtUtc != null));
            Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AttemptsReset && e.SubjectUserId == userId));
        });
    }
}
