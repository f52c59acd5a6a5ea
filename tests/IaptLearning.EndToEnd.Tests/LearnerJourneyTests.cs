using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>A new learner signs up and takes the Long COVID module from start to finish, by keyboard alone.</summary>
public sealed class LearnerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();

    public Task InitializeAsync() => _app.StartAsync(minTimeScale: 0);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NewLearner_KeyboardOnly_FailsOnceThenPassesAndModuleIsCompleted()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = learner.Page;
        var module = Learner.LongCovid;

        await learner.GotoAsync("");
        await learner.ExpectNoSeriousAxeViolationsAsync("home page");

        await learner.RegisterAsync($"new-learner-{Guid.NewGuid():N}@example.nhs.uk", "Jo Bloggs");
        await learner.ExpectNoSeriousAxeViolationsAsync("profile page");

        await learner.FollowLinkAsync("Modules");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Modules", Level = 1 }).WaitForAsync();
        await learner.ExpectNoSeriousAxeViolationsAsync("catalogue");
        Assert.Equal("Not started", (await page.Locator(".nhsuk-card .nhsuk-tag").First.TextContentAsync())?.Trim());

        await learner.FollowLinkAsync(module.Title);
        await page.GetByRole(AriaRole.Heading, new() { Name = module.Title, Level = 1 }).WaitForAsync();
        await learner.ExpectNoSeriousAxeViolationsAsync("module page");

        await learner.FollowLinkAsync("Start module");
        foreach (var lesson in module.Lessons)
        {
            if (lesson.Index == 0)
            {
                await page.GetByRole(AriaRole.Heading, new() { Name = lesson.Title, Level = 1 }).WaitForAsync();
                await learner.WaitInteractiveAsync();
                await learner.ExpectNoSeriousAxeViolationsAsync("lesson page, unanswered");
            }

            await learner.CompleteLessonAsync(lesson);
        }

        // The last lesson continues to the assessment.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).WaitForAsync();
        await learner.ExpectNoSeriousAxeViolationsAsync("assessment start page");
        await learner.PressButtonAsync("Start the assessment");

        await learner.AnswerAllAsync(correctly: false);
        await learner.ExpectNoSeriousAxeViolationsAsync("assessment in progress");
        await learner.SubmitAsync("You did not pass this time");
        await learner.ExpectNoSeriousAxeViolationsAsync("assessment result, failed");

        await learner.PressButtonAsync("Try again");
        await learner.AnswerAllAsync(correctly: true);
        await learner.SubmitAsync("You passed");
        await learner.ExpectNoSeriousAxeViolationsAsync("assessment result, passed");
        Assert.Contains($"You completed version {module.Version}", await page.ContentAsync(), StringComparison.Ordinal);

        await learner.FollowLinkAsync("Back to modules");
        var status = page.Locator(".nhsuk-card .nhsuk-tag").First;
        await Assertions.Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Completed on \\d{1,2} [A-Z][a-z]+ \\d{4}$"));
    }
}
