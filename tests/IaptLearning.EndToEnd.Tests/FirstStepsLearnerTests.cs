using System.Globalization;
using System.Text.RegularExpressions;
using IaptLearning.Content;
using IaptLearning.Content.Model;
using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>What a new learner meets on the lessons and the assessment (issue 19, learners): the timer, stated times, focus.</summary>
public sealed partial class FirstStepsLearnerTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string PausedMessage = "Time is paused while you're away: move the mouse, scroll or press a key to carry on.";

    private readonly AppServer _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static ContentModule Module => Learner.LongCovid;

    private static string LessonAddress(int index) => ContentAddresses.Lesson(Module.Slug, Module.Lessons[index].Slug).TrimStart('/');

    private async Task<Learner> SignedUpLearnerAsync(double minTimeScale, int? width = null)
    {
        await _app.StartAsync(minTimeScale);
        var page = await browser.NewPageAsync(_app.BaseAddress);
        if (width is { } w)
        {
            await page.SetViewportSizeAsync(w, 800);
        }

        var learner = new Learner(page);
        await learner.SignUpAsync();
        return learner;
    }

    [Fact]
    public async Task LessonTimeStatus_NoInputPastIdleAfter_SaysPausedOnceThenCarriesOnAfterAKey()
    {
        _app.ExtraArguments.Add("--Learning:IdleAfter");
        _app.ExtraArguments.Add("00:00:10");
        var learner = await SignedUpLearnerAsync(minTimeScale: 1);
        var page = learner.Page;
        await learner.GotoAsync(LessonAddress(0));
        var status = page.Locator(".lesson-status");
        await Assertions.Expect(status).ToContainTextAsync("Time on this lesson");
        var live = status.Locator("[aria-live=polite]");
        await Assertions.Expect(live).ToHaveTextAsync("2 minutes 30 seconds left before you can complete this lesson.");
        // Every text the live region is given from here on, in order.
        await live.EvaluateAsync("el => { window.liveTexts = []; new MutationObserver(() => window.liveTexts.push(el.textContent.trim())).observe(el, { childList: true, characterData: true, subtree: true }); }");

        // No input: after Learning:IdleAfter (10 s here) and the next report, time stops and the status says so.
        await Assertions.Expect(status).ToContainTextAsync(PausedMessage, new() { Timeout = 40_000 });
        await Assertions.Expect(live).ToHaveTextAsync(PausedMessage);
        await learner.ExpectNoSeriousAxeViolationsAsync("lesson page, time paused");
        await page.WaitForTimeoutAsync(12_000); // A report's worth of waiting: nothing more is said while paused.

        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(status).Not.ToContainTextAsync(PausedMessage);
        await Assertions.Expect(live).ToContainTextAsync("Time is counting again");

        // Keep active through two reports: the visible time moves on, the live region does not.
        for (var i = 0; i < 25; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await page.WaitForTimeoutAsync(1_000);
        }

        var said = (await page.EvaluateAsync<string[]>("() => window.liveTexts")).Where(t => t.Length > 0).Distinct().ToList();
        Assert.Equal(2, said.Count);
        Assert.Equal(PausedMessage, said[0]);
        Assert.StartsWith("Time is counting again", said[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task LessonTimeStatus_ScrolledAndTabbedThrough_StaysInViewAndHidesNothingFocused(int width)
    {
        var learner = await SignedUpLearnerAsync(minTimeScale: 1, width);
        var page = learner.Page;
        await learner.GotoAsync(LessonAddress(0));
        var status = page.Locator(".lesson-status");
        await Assertions.Expect(status).ToContainTextAsync("Time on this lesson");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the screen");
        await learner.ExpectNoSeriousAxeViolationsAsync($"lesson page at {width} px");

        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight / 2)");
        await page.WaitForTimeoutAsync(200);
        var box = (await status.BoundingBoxAsync())!;
        Assert.InRange(box.Y, -1, 1);

        // From the foot of the page back up by keyboard: no focused control ends up under the status line.
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await page.Locator(".nhsuk-pagination a, .nhsuk-button").Last.FocusAsync();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
            var covered = await page.EvaluateAsync<bool>("""
                () => {
                  const bar = document.querySelector('.lesson-status').getBoundingClientRect();
                  const el = document.activeElement;
                  if (!el.closest('.lesson-body, .lesson-progress')) return false;
                  const r = el.getBoundingClientRect();
                  return r.top < bar.bottom - 1 && r.bottom > bar.top;
                }
                """);
            Assert.False(covered, $"focus {i + 1} back is under the status line at {width} px");
        }
    }

    [Fact]
    public async Task ModuleAndLessonPages_StatedTimes_AsWrittenAndLessonsAddUpToTheModule()
    {
        var learner = await SignedUpLearnerAsync(minTimeScale: 1);
        var page = learner.Page;
        await learner.GotoAsync(ContentAddresses.Module(Module.Slug).TrimStart('/'));

        var total = ParseDuration(await page.Locator(".nhsuk-summary-list__row", new() { HasText = "Duration" }).Locator("dd").InnerTextAsync());
        var parts = (await page.Locator(".lesson-list__meta").AllInnerTextsAsync()).Select(ParseDuration).ToList();
        var written = Module.Lessons.Select(l => l.Duration).Append(Module.Assessment!.Duration!.Value).ToList();
        Assert.Equal(written, parts);
        Assert.Equal(total, parts.Aggregate(TimeSpan.Zero, (sum, t) => sum + t));

        // min_time: 2m30s is 2 minutes 30 seconds, not "at least 3 minutes".
        var index = Array.FindIndex(Module.Lessons.ToArray(), l => l.MinTime == TimeSpan.FromSeconds(150));
        await learner.GotoAsync(LessonAddress(index));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You need to spend at least 2 minutes 30 seconds on this lesson.");
        Assert.DoesNotContain("at least 3 minutes", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeOnLessonAndContinueButton_AtTheSameMoment_AddUpToTheMinimum()
    {
        // 2m30s becomes 30 s: three reports.
        var learner = await SignedUpLearnerAsync(minTimeScale: 0.2);
        var page = learner.Page;
        var lesson = Module.Lessons[0];
        await learner.GotoAsync(LessonAddress(0));
        var minimum = TimeSpan.FromTicks((long)(lesson.MinTime!.Value.Ticks * 0.2));
        var seen = new HashSet<string>();
        for (var i = 0; i < 60; i++)
        {
            var texts = await page.EvaluateAsync<string[]>("""
                () => [
                  [...document.querySelectorAll('main p, main div')].map(e => e.textContent.trim()).find(t => t.startsWith('Time on this lesson:')) ?? '',
                  [...document.querySelectorAll('main button')].map(b => b.textContent.trim()).find(t => t.startsWith('Continue (')) ?? '',
                ]
                """);
            var (spentText, buttonText) = (texts[0], texts[1]);
            if (buttonText.Length == 0)
            {
                break;
            }

            var spent = ParseDuration(SpentPattern().Match(spentText).Groups[1].Value);
            var left = ParseDuration(LeftPattern().Match(buttonText).Groups[1].Value);
            Assert.True(spent + left == minimum, $"\"{spentText}\" and \"{buttonText}\" do not add up to {minimum}");
            seen.Add(buttonText);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.WaitForTimeoutAsync(700);
        }

        Assert.True(seen.Count >= 2, "the countdown never moved: " + string.Join(", ", seen));
    }

    [Fact]
    public async Task CompleteLessonAndContinue_ByKeyboard_FocusIsOnTheNextLessonsHeading()
    {
        var learner = await SignedUpLearnerAsync(minTimeScale: 0);
        var page = learner.Page;
        await learner.GotoAsync(LessonAddress(0));
        await learner.CompleteLessonAsync(Module.Lessons[0]);

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = Module.Lessons[1].Title, Level = 1 });
        await Assertions.Expect(heading).ToBeFocusedAsync();
        await page.WaitForTimeoutAsync(1_000); // Later renders (the new lesson's state, the timer) must not take it away.
        await Assertions.Expect(heading).ToBeFocusedAsync();
    }

    [Fact]
    public async Task CompleteLesson_ChecksUnanswered_SummaryLinksToTheFirstCheck()
    {
        var learner = await SignedUpLearnerAsync(minTimeScale: 0);
        var page = learner.Page;
        var index = Module.Lessons.Select((l, i) => (l, i)).First(p => p.l.Questions.Length > 0).i;
        var question = Module.Lessons[index].Questions[0];
        await learner.GotoAsync(LessonAddress(index));
        await learner.WaitInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Complete lesson and continue" }).ClickAsync();

        await learner.ExpectErrorSummaryLinkingToAsync("Answer every knowledge check in this lesson before you complete it.",
            $"kc-{question.Id}-{question.Options[0].Index}");
        await learner.ExpectNoSeriousAxeViolationsAsync("lesson completed too soon");
    }

    [Fact]
    public async Task AssessmentStartPage_Introduction_PointsToNoBankBelow()
    {
        var learner = await SignedUpLearnerAsync(minTimeScale: 0);
        await learner.CompleteAllLessonsAsync();
        var intro = await learner.Page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("below", intro, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"{Module.Assessment!.Bank.Length} questions", intro, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassedAssessment_ResultPanel_GivesTheCertificateAndTheCpdRecord()
    {
        var learner = await SignedUpLearnerAsync(minTimeScale: 0);
        var page = learner.Page;
        await learner.CompleteAllLessonsAsync();
        await learner.PressButtonAsync("Start the assessment");
        await learner.AnswerAllAsync(correctly: true);
        await learner.SubmitAsync("You passed");

        var (_, pdf) = await learner.DownloadAsync("Download your certificate (PDF)");
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        await learner.ExpectNoSeriousAxeViolationsAsync("assessment passed, with certificate");
        await learner.FollowLinkAsync("your CPD record");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your CPD record", Level = 1 }).WaitForAsync();
    }

    [Theory]
    [InlineData("modules")]
    [InlineData("lesson")]
    public async Task PageHeading_FocusedOnLoad_NoOutlineButKeyboardFocusStillShows(string address)
    {
        var learner = await SignedUpLearnerAsync(minTimeScale: 1);
        var page = learner.Page;
        await learner.GotoAsync(address == "lesson" ? LessonAddress(0) : address);
        var heading = page.Locator("main h1");
        await Assertions.Expect(heading).ToBeFocusedAsync();
        Assert.Equal("-1", await heading.GetAttributeAsync("tabindex"));
        var style = await heading.EvaluateAsync<string[]>("el => { const s = getComputedStyle(el); return [s.outlineStyle + ' ' + s.outlineWidth, s.boxShadow]; }");
        var (outline, shadow) = (style[0], style[1]);
        Assert.True(outline.StartsWith("none", StringComparison.Ordinal) || outline.EndsWith(" 0px", StringComparison.Ordinal), $"heading outline: {outline}");
        Assert.Equal("none", shadow);

        // The keyboard user's next Tab shows the NHS.UK focus style (yellow).
        await page.Keyboard.PressAsync("Tab");
        var focusBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).backgroundColor");
        Assert.Equal("rgb(255, 235, 59)", focusBackground);
    }

    /// <summary>"1 hour 2 minutes 30 seconds" and its parts, as the pages write them.</summary>
    private static TimeSpan ParseDuration(string text)
    {
        var matches = DurationPart().Matches(text.Trim());
        Assert.True(matches.Count > 0 && string.Concat(matches.Select(m => m.Value)).Replace(" ", "", StringComparison.Ordinal) == text.Trim().Replace(" ", "", StringComparison.Ordinal),
            $"not a duration: \"{text}\"");
        return matches.Aggregate(TimeSpan.Zero, (sum, m) =>
        {
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return sum + (m.Groups[2].Value[0] switch { 'h' => TimeSpan.FromHours(n), 'm' => TimeSpan.FromMinutes(n), _ => TimeSpan.FromSeconds(n) });
        });
    }

    [GeneratedRegex(@"(\d+) (hours?|minutes?|seconds?)\s*")]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^Time on this lesson: ([^.]+)\.")]
    private static partial Regex SpentPattern();

    [GeneratedRegex(@"^Continue \((.+) left\)$")]
    private static partial Regex LeftPattern();
}
