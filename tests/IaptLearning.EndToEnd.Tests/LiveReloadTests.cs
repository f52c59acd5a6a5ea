using System.Diagnostics;
using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>The authoring loop: the app serves a temp copy of content/ that the tests edit on disk.</summary>
public sealed class LiveReloadTests : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly BrowserFixture _browser;
    private readonly ITestOutputHelper _output;
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "iapt-e2e-content-" + Guid.NewGuid().ToString("N"));
    private readonly AppServer _app;

    public LiveReloadTests(BrowserFixture browser, ITestOutputHelper output)
    {
        _browser = browser;
        _output = output;
        _app = new AppServer { ServedContentPath = _copy };
    }

    public async Task InitializeAsync()
    {
        CopyDirectory(AppServer.ContentPath, _copy);
        _app.ExtraArguments.Add("--Accounts:CreateDemoAccounts");
        _app.ExtraArguments.Add("true");
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_copy, recursive: true);
        }
        catch (IOException)
        {
            // Left in temp; harmless.
        }
    }

    /// <summary>
    /// Ticks "I have read this warning" for each warning the module gives (long-covid 1.x has
    /// known faults, issue 10), as a publisher must before the site publishes.
    /// </summary>
    private static async Task AcknowledgeWarningsAsync(IPage page)
    {
        var boxes = page.GetByRole(AriaRole.Checkbox, new() { Name = "I have read this warning" });
        var count = await boxes.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await boxes.Nth(i).CheckAsync();
        }
    }

    private string LessonFile(Content.Model.Lesson lesson) => Path.Combine(_copy, "long-covid", lesson.FileName);

    [Fact]
    public async Task AuthorPreview_LessonFileSaved_OpenBrowserShowsItWithinTwoSeconds()
    {
        var author = new Learner(await _browser.NewPageAsync(_app.BaseAddress));
        var page = author.Page;
        await author.SignInAsync("author@example.nhs.uk");

        var lesson = Learner.LongCovid.Lessons[1];
        await author.GotoAsync(Content.ContentAddresses.Lesson("long-covid", lesson.Slug).Replace("/modules/", "authoring/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText("Author's preview")).ToBeVisibleAsync();

        const string marker = "Edited on disk by the live reload test.";
        var clock = Stopwatch.StartNew();
        TestFiles.Edit(LessonFile(lesson), "Most UK figures on long COVID", marker + " Most UK figures on long COVID");
        await Assertions.Expect(page.GetByText(marker)).ToBeVisibleAsync(new() { Timeout = 2_000 });
        _output.WriteLine($"Saved to visible in the open preview: {clock.ElapsedMilliseconds} ms");

        // A broken save keeps the page on the last good version and lists the problem.
        TestFiles.Edit(LessonFile(lesson), "duration: 3m", "duration: soon");
        await Assertions.Expect(page.GetByText("The module's files have errors.")).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Assertions.Expect(page.GetByText(marker)).ToBeVisibleAsync();
        await author.ExpectNoSeriousAxeViolationsAsync("author lesson preview with a problem");
        await author.GotoAsync("authoring");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "02-how-common.md", Exact = false }).First).ToBeVisibleAsync();
        await author.ExpectNoSeriousAxeViolationsAsync("author content list with a problem");
        await author.GotoAsync("authoring/long-covid/assessment");
        await author.ExpectNoSeriousAxeViolationsAsync("author assessment bank preview");
        await author.GotoAsync("authoring/long-covid/statistics");
        await author.ExpectNoSeriousAxeViolationsAsync("author question statistics");
        await author.GotoAsync(Content.ContentAddresses.Lesson("long-covid", lesson.Slug).Replace("/modules/", "authoring/", StringComparison.Ordinal));
        TestFiles.Edit(LessonFile(lesson), "duration: soon", "duration: 3m");
        await Assertions.Expect(page.GetByText("The module's files have errors.")).ToHaveCountAsync(0, new() { Timeout = 2_000 });
    }

    [Fact]
    public async Task Learner_LessonEdited_KeepsTheRelease_UntilTheAuthorPublishesANewVersion_ThenSeesItAtTheNextLesson()
    {
        var learner = new Learner(await _browser.NewPageAsync(_app.BaseAddress));
        var page = learner.Page;
        await learner.SignUpAsync();
        var first = Learner.LongCovid.Lessons[0];
        var second = Learner.LongCovid.Lessons[1];
        await learner.GotoAsync(Content.ContentAddresses.Lesson("long-covid", first.Slug).TrimStart('/'));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(first.Title);

        const string marker = "A sentence added while the learner was reading.";
        TestFiles.Edit(LessonFile(first), "Most people who catch COVID-19", marker + " Most people who catch COVID-19");
        await page.WaitForTimeoutAsync(1_000);
        // Saved but not published: the learner keeps the release, at the next lesson too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Next lesson" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(second.Title);
        await page.GetByRole(AriaRole.Link, new() { Name = "Previous lesson" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(first.Title);
        await Assertions.Expect(page.GetByText(marker)).ToHaveCountAsync(0);

        var author = new Learner(await _browser.NewPageAsync(_app.BaseAddress));
        await author.SignInAsync("author@example.nhs.uk");
        await author.GotoAsync("authoring/long-covid/releases");
        await Assertions.Expect(author.Page.GetByTestId("publish-refusal")).ToContainTextAsync("Version 1.1.0 was already released");
        await author.ExpectNoSeriousAxeViolationsAsync("releases page refusing a change under the released version");

        TestFiles.Edit(Path.Combine(_copy, "long-covid", "module.md"), "version: 1.1.0", "version: 1.1.1");
        await author.WaitInteractiveAsync();
        await author.Page.GetByRole(AriaRole.Button, new() { Name = "Check the folder again" }).ClickAsync();
        var publish = author.Page.GetByRole(AriaRole.Button, new() { Name = "Publish version 1.1.1" });
        await Assertions.Expect(publish).ToBeVisibleAsync();
        await Assertions.Expect(author.Page.GetByTestId("release-changes")).ToContainTextAsync($"1. {first.Title}: the text has changed.");
        await author.ExpectNoSeriousAxeViolationsAsync("releases page before publishing");
        await AcknowledgeWarningsAsync(author.Page);
        await publish.ClickAsync();
        await Assertions.Expect(author.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Version 1.1.1 of");
        await Assertions.Expect(author.Page.GetByTestId("releases")).ToContainTextAsync("Learners get this");

        // The reader is not interrupted: the new release comes with the next lesson they open.
        await Assertions.Expect(page.GetByText(marker)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Next lesson" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(second.Title);
        await page.GetByRole(AriaRole.Link, new() { Name = "Previous lesson" }).ClickAsync();
        await Assertions.Expect(page.GetByText(marker)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "This lesson has been updated" })).ToBeVisibleAsync();
        await learner.ExpectNoSeriousAxeViolationsAsync("lesson with the updated notice");
    }

    [Fact]
    public async Task Admin_WithdrawsTheServedRelease_LearnersGoBack_ThenServesItAgain()
    {
        var first = Learner.LongCovid.Lessons[0];
        const string marker = "A sentence only version 1.1.1 has.";
        TestFiles.Edit(LessonFile(first), "Most people who catch COVID-19", marker + " Most people who catch COVID-19");
        TestFiles.Edit(Path.Combine(_copy, "long-covid", "module.md"), "version: 1.1.0", "version: 1.1.1");
        var admin = new Learner(await _browser.NewPageAsync(_app.BaseAddress));
        var page = admin.Page;
        await admin.SignInAsync("admin@example.nhs.uk");
        await admin.GotoAsync("authoring/long-covid/releases");
        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish version 1.1.1" });
        await Assertions.Expect(publish).ToBeVisibleAsync();
        await AcknowledgeWarningsAsync(page);
        await publish.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Version 1.1.1 of");

        var learner = new Learner(await _browser.NewPageAsync(_app.BaseAddress));
        await learner.SignUpAsync();
        var lesson = Content.ContentAddresses.Lesson("long-covid", first.Slug).TrimStart('/');
        await learner.GotoAsync(lesson);
        await Assertions.Expect(learner.Page.GetByText(marker)).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw version 1.1.1" }).ClickAsync();
        var reason = page.GetByLabel("Why are you withdrawing version 1.1.1?");
        await Assertions.Expect(reason).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw version 1.1.1" }).Last.ClickAsync();
        await admin.ExpectErrorSummaryLinkingToAsync("Enter why the release is withdrawn", "withdraw-reason");
        await admin.ExpectNoSeriousAxeViolationsAsync("withdraw form with an error");
        await reason.FillAsync("A figure in lesson 1 needs checking.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw version 1.1.1" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Learners get version 1.1.0 again");
        await Assertions.Expect(page.GetByTestId("releases")).ToContainTextAsync("A figure in lesson 1 needs checking.");
        await admin.ExpectNoSeriousAxeViolationsAsync("releases page after a withdrawal");

        await learner.GotoAsync(lesson);
        await Assertions.Expect(learner.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(first.Title);
        await Assertions.Expect(learner.Page.GetByText(marker)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Serve again version 1.1.1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Learners get version 1.1.1 again");
        await learner.GotoAsync(lesson);
        await Assertions.Expect(learner.Page.GetByText(marker)).ToBeVisibleAsync();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
