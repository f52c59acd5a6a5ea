using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Learning;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Learning;

[Collection(WebAppTests.Name)]
public class LessonProgressServiceTests(WebAppFixture app)
{
    private LessonProgressService Service => app.Get<LessonProgressService>();

    [Fact]
    public async Task Heartbeat_ActiveEveryTenSeconds_CreditsServerTime()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        for (var i = 0; i < 6; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(10));
            await Service.HeartbeatAsync(user, module.Slug, lesson.Slug, wasActive: true);
        }

        var state = await Service.GetStateAsync(user, module, lesson);
        Assert.Equal(TimeSpan.FromSeconds(60), state.ActiveTime);
    }

    [Fact]
    public async Task Heartbeat_TwoTabsOnOneLesson_NeverMoreThanWallClock()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        await Service.VisitAsync(user, module, lesson);
        for (var i = 0; i < 10; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            // Both tabs report for the same five seconds, at the same moment.
            await Task.WhenAll(
                Service.HeartbeatAsync(user, module.Slug, lesson.Slug, wasActive: true),
                Service.HeartbeatAsync(user, module.Slug, lesson.Slug, wasActive: true));
        }

        var state = await Service.GetStateAsync(user, module, lesson);
        Assert.True(state.ActiveTime <= TimeSpan.FromSeconds(50), $"credited {state.ActiveTime}");
        Assert.True(state.ActiveTime >= TimeSpan.FromSeconds(45), $"credited only {state.ActiveTime}");
    }

    [Fact]
    public async Task Heartbeat_ForgedBurst_CreditsNoMoreThanElapsed()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 50; i++)
        {
            await Service.HeartbeatAsync(user, module.Slug, lesson.Slug, wasActive: true);
        }

        var state = await Service.GetStateAsync(user, module, lesson);
        Assert.Equal(TimeSpan.FromSeconds(2), state.ActiveTime);
    }

    [Fact]
    public async Task Heartbeat_AfterLongIdleGap_CreditsAtMostTheCap()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await Service.HeartbeatAsync(user, module.Slug, lesson.Slug, wasActive: true);

        var state = await Service.GetStateAsync(user, module, lesson);
        Assert.Equal(ActiveTime.MaxCreditPerHeartbeat, state.ActiveTime);
    }

    [Fact]
    public async Task Complete_BeforeMinimumTime_IsRefused()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        await Service.AnswerAsync(user, module, lesson, lesson.Questions[0], [1]);

        Assert.Equal(LessonCompletionResult.MinimumTimeNotMet, await Service.CompleteAsync(user, module, lesson));
    }

    [Fact]
    public async Task Complete_TimeMetButCheckUnanswered_IsRefused()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        await SpendAsync(user, lesson, TimeSpan.FromMinutes(1));

        Assert.Equal(LessonCompletionResult.KnowledgeChecksUnanswered, await Service.CompleteAsync(user, module, lesson));
    }

    [Fact]
    public async Task Complete_TimeMetAndChecksAnswered_RecordsCompletion()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        await SpendAsync(user, lesson, TimeSpan.FromMinutes(1));
        await Service.AnswerAsync(user, module, lesson, lesson.Questions[0], [0]);

        Assert.Equal(LessonCompletionResult.Completed, await Service.CompleteAsync(user, module, lesson));
        var state = await Service.GetStateAsync(user, module, lesson);
        Assert.True(state.IsCompleted);
    }

    [Fact]
    public async Task Complete_ExemptLearner_NeedsNoMinimumTime()
    {
        var user = (await app.CreatePersonAsync()).Id;
        await app.ExecuteDbAsync(async db =>
        {
            db.MinTimeExemptions.Add(new MinTimeExemption { UserId = user, Reason = "Reasonable adjustment", GrantedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        await Service.AnswerAsync(user, module, lesson, lesson.Questions[0], [0]);

        Assert.Equal(LessonCompletionResult.Completed, await Service.CompleteAsync(user, module, lesson));
    }

    [Fact]
    public async Task Complete_LastLessonOfModuleWithoutAssessment_RecordsModuleCompletion()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var sample = app.SampleModule;
        var module = new IaptLearning.Content.Model.ContentModule
        {
            Slug = "no-assessment", Title = "No assessment", Summary = "s", Version = "2.0.0", OverviewHtml = "",
            ContentHash = "hash-2", FolderPath = sample.FolderPath, Lessons = [sample.Lessons[1]],
        };
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        await Service.AnswerAsync(user, module, lesson, lesson.Questions[0], [0, 1]);

        Assert.Equal(LessonCompletionResult.Completed, await Service.CompleteAsync(user, module, lesson));
        await app.ExecuteDbAsync(async db =>
        {
            var completion = await db.ModuleCompletions.SingleAsync(c => c.UserId == user);
            Assert.Equal(("no-assessment", "2.0.0", "hash-2", (long?)null), (completion.ModuleSlug, completion.ModuleVersion, completion.ContentHash, completion.AttemptId));
        });
    }

    [Fact]
    public async Task Answer_SecondAnswer_FirstOneStands()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        var question = lesson.Questions[0];
        var first = await Service.AnswerAsync(user, module, lesson, question, [1]);
        var second = await Service.AnswerAsync(user, module, lesson, question, [0]);

        Assert.True(first.IsCorrect);
        Assert.Equal("1", second.ChosenOptions);
    }

    [Fact]
    public async Task Answer_OptionOutOfRange_IsRejected()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var module = app.SampleModule;
        var lesson = module.Lessons[0];
        await Assert.ThrowsAsync<ArgumentException>(() => Service.AnswerAsync(user, module, lesson, lesson.Questions[0], [7]));
    }

    [Fact]
    public async Task Complete_QuestionInSectionForAnotherAudienceUnanswered_CompletesAnyway()
    {
        var user = (await app.CreatePersonAsync(jobRole: JobRole.AdministrativeStaff)).Id;
        var module = LessonAudienceModels.Module();
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        await Service.AnswerAsync(user, module, lesson, lesson.Questions.Single(q => q.Id == "q-everyone"), [0]);
        Assert.Equal(LessonCompletionResult.KnowledgeChecksUnanswered, await Service.CompleteAsync(user, module, lesson));

        // Their own section's question; the step 3 section's may stay unanswered.
        await Service.AnswerAsync(user, module, lesson, lesson.Questions.Single(q => q.Id == "q-admin"), [1]);
        Assert.Equal(LessonCompletionResult.Completed, await Service.CompleteAsync(user, module, lesson));
    }

    [Fact]
    public async Task Complete_ShowingEverything_StillNeedsOnlyOwnQuestions()
    {
        var user = (await app.CreatePersonAsync(jobRole: JobRole.PsychologicalWellbeingPractitioner)).Id;
        await app.Get<LearnerAudienceStore>().SetShowEverythingAsync(user, true);
        var module = LessonAudienceModels.Module();
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        await Service.AnswerAsync(user, module, lesson, lesson.Questions.Single(q => q.Id == "q-everyone"), [0]);

        Assert.Equal(LessonCompletionResult.Completed, await Service.CompleteAsync(user, module, lesson));
    }

    [Fact]
    public async Task Complete_NoJobRole_NeedsEveryQuestion()
    {
        var user = (await app.CreatePersonAsync(jobRole: null)).Id;
        var module = LessonAudienceModels.Module();
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        await Service.AnswerAsync(user, module, lesson, lesson.Questions.Single(q => q.Id == "q-everyone"), [0]);
        await Service.AnswerAsync(user, module, lesson, lesson.Questions.Single(q => q.Id == "q-admin"), [0]);

        Assert.Equal(LessonCompletionResult.KnowledgeChecksUnanswered, await Service.CompleteAsync(user, module, lesson));
    }

    [Fact]
    public async Task Complete_EveryLessonForOwnAudienceOfModuleWithoutAssessment_RecordsModuleCompletion()
    {
        var user = (await app.CreatePersonAsync(jobRole: JobRole.PsychologicalWellbeingPractitioner)).Id;
        var module = LessonAudienceModels.Module(withAssessment: false);
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        await Service.AnswerAsync(user, module, lesson, lesson.Questions.Single(q => q.Id == "q-everyone"), [0]);

        // The second lesson is for step 3 only: optional for a psychological wellbeing practitioner.
        Assert.Equal(LessonCompletionResult.Completed, await Service.CompleteAsync(user, module, lesson));
        Assert.True(await app.ExecuteDbAsync(db => db.ModuleCompletions.AnyAsync(c => c.UserId == user && c.ModuleSlug == module.Slug)));
    }

    [Fact]
    public async Task Complete_LessonForEveryoneOnlyButAnotherForOwnAudienceLeft_RecordsNoModuleCompletion()
    {
        var user = (await app.CreatePersonAsync(jobRole: JobRole.Counsellor)).Id;
        var module = LessonAudienceModels.Module(withAssessment: false);
        var lesson = module.Lessons[0];
        await Service.VisitAsync(user, module, lesson);
        foreach (var question in lesson.Questions.Where(q => q.Id != "q-admin"))
        {
            await Service.AnswerAsync(user, module, lesson, question, [0]);
        }

        Assert.Equal(LessonCompletionResult.Completed, await Service.CompleteAsync(user, module, lesson));
        Assert.False(await app.ExecuteDbAsync(db => db.ModuleCompletions.AnyAsync(c => c.UserId == user && c.ModuleSlug == module.Slug)));
    }

    [Fact]
    public async Task SetShowEverything_ReadAgain_LastsOnTheAccount()
    {
        var user = (await app.CreatePersonAsync(jobRole: JobRole.Supervisor)).Id;
        var store = app.Get<LearnerAudienceStore>();
        Assert.Equal(new LearnerAudience(Audiences.Supervisor, false), await store.ReadAsync(user));

        await store.SetShowEverythingAsync(user, true);
        Assert.Equal(new LearnerAudience(Audiences.Supervisor, true), await store.ReadAsync(user));
        await store.SetShowEverythingAsync(user, false);
        Assert.False((await store.ReadAsync(user)).ShowEverything);
    }

    private async Task SpendAsync(string user, IaptLearning.Content.Model.Lesson lesson, TimeSpan time)
    {
        await Service.VisitAsync(user, app.SampleModule, lesson);
        for (var spent = TimeSpan.Zero; spent < time; spent += TimeSpan.FromSeconds(10))
        {
            app.Clock.Advance(TimeSpan.FromSeconds(10));
            await Service.HeartbeatAsync(user, app.SampleModule.Slug, lesson.Slug, wasActive: true);
        }
    }
}
