using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>kill -9 of the server mid-module: every answer the learner saw acknowledged is there after a restart.</summary>
public sealed class CrashRecoveryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();

    public Task InitializeAsync() => _app.StartAsync(minTimeScale: 0);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task KillMinus9MidAssessment_Restart_EveryAcknowledgedAnswerIsKept()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = learner.Page;
        var module = Learner.LongCovid;
        await learner.SignUpAsync();
        await learner.CompleteAllLessonsAsync();
        await learner.PressButtonAsync("Start the assessment");
        var acknowledged = await learner.AnswerAllAsync(correctly: true, only: 5);
        var order = await page.Locator("div.nhsuk-form-group[data-question-id]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.questionId)");

        await _app.KillAsync();
        await _app.RestartAsync();

        // Cookies are per host, not per port, and the keys are on disk: still signed in.
        await page.GotoAsync(new Uri(_app.BaseAddress, Content.ContentAddresses.Assessment(module.Slug).TrimStart('/')).ToString());
        await learner.WaitInteractiveAsync();
        await page.Locator("div.nhsuk-form-group[data-question-id]").First.WaitForAsync();
        var resumed = await page.Locator("div.nhsuk-form-group[data-question-id]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.questionId)");
        Assert.Equal(order, resumed);
        foreach (var id in acknowledged)
        {
            var question = module.FindQuestion(id)!;
            var group = page.Locator($"div.nhsuk-form-group[data-question-id='{id}']");
            foreach (var index in Learner.Answer(question, correctly: true))
            {
                await Assertions.Expect(group.Locator($"input[value='{index}']")).ToBeCheckedAsync();
            }
        }

        // Lesson completions and knowledge-check answers too.
        await page.GotoAsync(new Uri(_app.BaseAddress, Content.ContentAddresses.Module(module.Slug).TrimStart('/')).ToString());
        await learner.WaitInteractiveAsync();
        await Assertions.Expect(page.Locator(".lesson-list__item .nhsuk-tag", new() { HasText = "Completed" })).ToHaveCountAsync(module.Lessons.Length);

        // And the learner can finish.
        await learner.GotoAsync(new Uri(_app.BaseAddress, Content.ContentAddresses.Assessment(module.Slug).TrimStart('/')).ToString());
        var rest = resumed.Except(acknowledged).ToList();
        foreach (var id in rest)
        {
            var group = page.Locator($"div.nhsuk-form-group[data-question-id='{id}']");
            await learner.ChooseAsync(group, module.FindQuestion(id)!, Learner.Answer(module.FindQuestion(id)!, correctly: true));
            await group.GetByText("Answer saved").WaitForAsync();
        }

        await learner.SubmitAsync("You passed");
    }
}
