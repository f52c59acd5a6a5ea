using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Assessment;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Assessment;

[Collection(WebAppTests.Name)]
public class AssessmentServiceTests(WebAppFixture app)
{
    private AssessmentService Service => app.Get<AssessmentService>();
    private ContentModule Module => app.SampleModule;

    [Fact]
    public async Task Start_LessonsNotDone_IsRefused()
    {
        var user = (await app.CreatePersonAsync()).Id;
        Assert.Equal(StartOutcome.LessonsNotDone, await Service.StartAsync(user, Module, new Random(1)));
    }

    [Fact]
    public async Task Start_Twice_KeepsOneOpenAttemptWithTheSameDraw()
    {
        var user = await CompleteLessonsAsync();
        await Task.WhenAll(Service.StartAsync(user, Module, new Random(1)), Service.StartAsync(user, Module, new Random(2)));
        var first = (await Service.GetOverviewAsync(user, Module)).OpenAttempt!;
        await Service.StartAsync(user, Module, new Random(3));
        var again = (await Service.GetOverviewAsync(user, Module)).OpenAttempt!;

        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(1, await db.AssessmentAttempts.CountAsync(a => a.UserId == user));
            Assert.Equal(first.Id, again.Id);
            Assert.Equal(first.Questions.Select(q => q.QuestionId + q.OptionOrder), again.Questions.Select(q => q.QuestionId + q.OptionOrder));
            Assert.Equal(2, first.Questions.Count);
        });
    }

    [Fact]
    public async Task SaveAnswer_ThenReload_AnswerIsThere()
    {
        var user = await CompleteLessonsAsync();
        await Service.StartAsync(user, Module, new Random(1));
        var attempt = (await Service.GetOverviewAsync(user, Module)).OpenAttempt!;
        var row = attempt.Questions[0];

        Assert.True(await Service.SaveAnswerAsync(user, Module, row.Id, [1]));
        var reloaded = (await Service.GetOverviewAsync(user, Module)).OpenAttempt!;
        Assert.Equal("1", reloaded.Questions.Single(q => q.Id == row.Id).ChosenOptions);
    }

    [Fact]
    public async Task SaveAnswer_OtherLearnersAttempt_IsRefused()
    {
        var user = await CompleteLessonsAsync();
        var other = (await app.CreatePersonAsync()).Id;
        await Service.StartAsync(user, Module, new Random(1));
        var row = (await Service.GetOverviewAsync(user, Module)).OpenAttempt!.Questions[0];

        Assert.False(await Service.SaveAnswerAsync(other, Module, row.Id, [0]));
    }

    [Fact]
    public async Task Submit_Unanswered_IsRefused()
    {
        var user = await CompleteLessonsAsync();
        await Service.StartAsync(user, Module, new Random(1));
        var attempt = (await Service.GetOverviewAsync(user, Module)).OpenAttempt!;
        Assert.Equal(SubmitOutcome.Unanswered, await Service.SubmitAsync(user, Module, attempt.Id));
    }

    [Fact]
    public async Task Submit_RepeatedAndConcurrent_RecordsOneAttemptAndOneCompletion()
    {
        var user = await CompleteLessonsAsync();
        var attemptId = await AnswerAllAsync(user, correct: true);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Service.SubmitAsync(user, Module, attemptId)));
        Assert.Equal(1, outcomes.Count(o => o == SubmitOutcome.Submitted));

        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(1, await db.AssessmentAttempts.CountAsync(a => a.UserId == user && a.SubmittedAtUtc != null));
            var completion = await db.ModuleCompletions.SingleAsync(c => c.UserId == user);
            Assert.Equal(Module.Version, completion.ModuleVersion);
            Assert.Equal(Module.ContentHash, completion.ContentHash);
            Assert.Equal(attemptId, completion.AttemptId);
        });
    }

    [Fact]
    public async Task Submit_Failed_AllowsAnotherAttemptThenPass()
    {
        var user = await CompleteLessonsAsync();
        var first = await AnswerAllAsync(user, correct: false);
        await Service.SubmitAsync(user, Module, first);
        var overview = await Service.GetOverviewAsync(user, Module);
        Assert.False(overview.HasPassed);
        Assert.True(overview.CanStart);
        Assert.Null(overview.Completion);

        var second = await AnswerAllAsync(user, correct: true);
        await Service.SubmitAsync(user, Module, second);
        overview = await Service.GetOverviewAsync(user, Module);
        Assert.True(overview.HasPassed);
        Assert.NotNull(overview.Completion);
        Assert.Equal(2, overview.AttemptsUsed);
    }

    [Fact]
    public async Task Start_AfterMaxAttemptsFailed_IsRefused()
    {
        var user = await CompleteLessonsAsync();
        for (var i = 0; i < Module.Assessment!.MaxAttempts; i++)
        {
            await Service.SubmitAsync(user, Module, await AnswerAllAsync(user, correct: false));
        }

        Assert.Equal(StartOutcome.NoAttemptsLeft, await Service.StartAsync(user, Module, new Random(9)));
        Assert.Equal(0, (await Service.GetOverviewAsync(user, Module)).AttemptsLeft);
    }

    private Task<long> AnswerAllAsync(string user, bool correct) => AssessmentSteps.AnswerAllAsync(Service, Module, user, correct);

    private Task<string> CompleteLessonsAsync() => AssessmentSteps.CompleteLessonsAsync(app, Module);
}
