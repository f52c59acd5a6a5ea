using System.Text.RegularExpressions;
using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>A lesson's minimum time, shortened for the test: Continue waits for the server's count.</summary>
public sealed partial class MinimumTimeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();

    // 2m30s becomes 7.5 s, about one heartbeat.
    public Task InitializeAsync() => _app.StartAsync(minTimeScale: 0.05);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LessonWithMinTime_BeforeAndAfter_ContinueDisabledWithTimeLeftThenEnabled()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = learner.Page;
        var module = Learner.LongCovid;
        var lesson = module.Lessons.First(l => l.MinTime is not null);
        await learner.SignUpAsync();
        await learner.GotoAsync(Content.ContentAddresses.Lesson(module.Slug, lesson.Slug).TrimStart('/'));
        foreach (var question in lesson.Questions)
        {
            await learner.AnswerKnowledgeCheckAsync(question);
        }

        var waiting = page.GetByRole(AriaRole.Button, new() { NameRegex = TimeLeft() });
        await Assertions.Expect(waiting).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[aria-live=polite]", new() { HasTextRegex = LeftBefore() })).ToHaveCountAsync(1);

        // Keep being active (keys, as a reader scrolling would) until the server has counted enough.
        var complete = page.GetByRole(AriaRole.Button, new() { Name = "Complete lesson and continue" });
        for (var i = 0; i < 40 && !await complete.IsVisibleAsync(); i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await page.WaitForTimeoutAsync(500);
        }

        await Assertions.Expect(complete).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[aria-live=polite]", new() { HasText = "You can now complete this lesson." })).ToHaveCountAsync(1);
    }

    [GeneratedRegex(@"^Continue \(.+ left\)$")]
    private static partial Regex TimeLeft();

    [GeneratedRegex("left before you can complete this lesson")]
    private static partial Regex LeftBefore();
}
