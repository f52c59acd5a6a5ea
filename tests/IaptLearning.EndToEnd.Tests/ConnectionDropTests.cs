using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>The network drops mid-lesson; the learner carries on and nothing is lost.</summary>
public sealed class ConnectionDropTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();
    private TcpProxy? _proxy;

    public async Task InitializeAsync()
    {
        await _app.StartAsync(minTimeScale: 0);
        _proxy = new TcpProxy(_app.Port);
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ConnectionDroppedMidLesson_LearnerCarriesOn_NothingLost()
    {
        var learner = new Learner(await browser.NewPageAsync(_proxy!.BaseAddress));
        var page = learner.Page;
        var module = Learner.LongCovid;
        var lesson = module.Lessons.First(l => l.Questions.Length >= 2);
        await learner.SignUpAsync();
        await learner.GotoAsync(Content.ContentAddresses.Lesson(module.Slug, lesson.Slug).TrimStart('/'));
        await learner.AnswerKnowledgeCheckAsync(lesson.Questions[0]);

        _proxy.Cut();
        var modal = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(modal).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Task.Delay(TimeSpan.FromSeconds(3));
        _proxy.Restore();
        await Assertions.Expect(modal).ToBeHiddenAsync(new() { Timeout = 30_000 });

        // Same page, same circuit or a fresh one: the learner just carries on.
        await learner.WaitInteractiveAsync();
        foreach (var question in lesson.Questions.Skip(1))
        {
            await learner.AnswerKnowledgeCheckAsync(question);
        }

        await learner.PressButtonAsync("Complete lesson and continue");
        await page.WaitForURLAsync(url => !url.EndsWith(lesson.Slug, StringComparison.Ordinal));

        // Back on the lesson after a full reload: every answer and the completion came from the database.
        await learner.GotoAsync(Content.ContentAddresses.Lesson(module.Slug, lesson.Slug).TrimStart('/'));
        foreach (var question in lesson.Questions)
        {
            await Assertions.Expect(page.Locator($"[data-question-id='{question.Id}']").GetByText("Correct", new() { Exact = true })).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByText("Lesson completed")).ToBeVisibleAsync();
    }
}
