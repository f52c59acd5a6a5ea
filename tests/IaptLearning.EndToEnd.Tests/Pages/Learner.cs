using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IaptLearning.Content;
using IaptLearning.Content.Model;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests.Pages;

/// <summary>
/// A learner at the keyboard: every step moves focus with Tab and acts with Space, arrows or
/// Enter, as someone who does not use a mouse would.
/// </summary>
public sealed partial class Learner(IPage page)
{
    public const string Password = "a long and memorable passphrase";

    /// <summary>The password every demo account shares (<c>--Accounts:CreateDemoAccounts true</c>).</summary>
    public const string DemoPassword = "demo-password-2026";

    public static ContentModule LongCovid { get; } = new ContentLoader().Load(AppServer.ContentPath).FindModule("long-covid")
        ?? throw new InvalidOperationException("content/long-covid did not load.");

    public IPage Page { get; } = page;

    public async Task GotoAsync(string address)
    {
        await Page.GotoAsync(address);
        await WaitInteractiveAsync();
    }

    /// <summary>Interactive pages are usable once the circuit has rendered them; account pages are static.</summary>
    public async Task WaitInteractiveAsync()
    {
        if (!Page.Url.Contains("/Account/", StringComparison.Ordinal))
        {
            await Page.Locator("main[data-interactive=true]").WaitForAsync();
        }
    }

    public async Task TabToAsync(ILocator target, int maxPresses = 400)
    {
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"Tab never reached {target}.");
    }

    public async Task TypeIntoAsync(ILocator field, string text)
    {
        await TabToAsync(field);
        await Page.Keyboard.TypeAsync(text);
    }

    public async Task PressButtonAsync(string name)
    {
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }));
        await Page.Keyboard.PressAsync("Enter");
    }

    public async Task FollowLinkAsync(string name)
    {
        await TabToAsync(Page.GetByRole(AriaRole.Link, new() { Name = name }).First);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Signs in with a password on the sign-in page and waits until the site has moved on from it.</summary>
    public async Task SignInAsync(string email, string password = DemoPassword)
    {
        await GotoAsync("Account/Login");
        await SubmitSignInAsync(email, password);
        // Commit, not the load event: a loaded CI machine once saw the next page's load event
        // take longer than 20 s; whether the page is usable is what WaitInteractiveAsync checks.
        await Page.WaitForURLAsync(
            url => !url.Contains("/Account/Login", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit });
        await WaitInteractiveAsync();
    }

    private async Task SubmitSignInAsync(string email, string password)
    {
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Registers, meets "Check your email" (the same page for an address in use), signs in from there and lands on the profile.</summary>
    public async Task RegisterAsync(string email, string fullName)
    {
        await SubmitRegistrationAsync(email, fullName);
        await SignInFromCheckYourEmailAsync(email);
    }

    /// <summary>From "Check your email": the "sign in now" link, then the profile a newcomer lands on.</summary>
    public async Task SignInFromCheckYourEmailAsync(string email)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "sign in now" }).ClickAsync();
        await SubmitSignInAsync(email, Password);
        await Page.WaitForURLAsync(ProfileAddress());
        await WaitInteractiveAsync();
    }

    /// <summary>Null when the page fits a screen <paramref name="width"/> px wide; else what is too wide, named.</summary>
    public async Task<string?> WiderThanTheScreenAsync(string what, int width)
    {
        var pageWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        // Charts size themselves after their first frame (Chart.js watches its container), so on a
        // loaded machine the layout may still be settling: wide only if it stays wide.
        for (var i = 0; i < 15 && pageWidth > width; i++)
        {
            await Page.WaitForTimeoutAsync(200);
            pageWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        }

        if (pageWidth <= width)
        {
            return null;
        }

        var wide = await Page.EvaluateAsync<string[]>(
            "w => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > w + 0.5).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))",
            width);
        return $"{what} is {pageWidth} px wide on a {width} px screen: {string.Join("; ", wide)}";
    }

    /// <summary>
    /// The NHS.UK error summary pattern: the summary has focus when it appears, the message links to the field's
    /// input, and following the link moves focus there.
    /// </summary>
    public async Task ExpectErrorSummaryLinkingToAsync(string message, string inputId)
    {
        var summary = Page.Locator(".nhsuk-error-summary");
        await summary.WaitForAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        // Once the page is interactive: until then its first interactive render may still replace what has focus.
        await WaitInteractiveAsync();
        var link = summary.GetByRole(AriaRole.Link, new() { Name = message });
        Assert.EndsWith("#" + inputId, await link.GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        await link.ClickAsync();
        await Assertions.Expect(Page.Locator($"[id='{inputId}']")).ToBeFocusedAsync();
    }

    /// <summary>Fills in and sends the registration form by keyboard, and waits for "Check your email".</summary>
    public async Task SubmitRegistrationAsync(string email, string fullName)
    {
        await GotoAsync("Account/Register");
        await TypeIntoAsync(Page.GetByLabel("Full name"), fullName);
        await TypeIntoAsync(Page.GetByLabel("Email address"), email);
        await TypeIntoAsync(Page.GetByLabel("Create a password"), Password);
        await TypeIntoAsync(Page.GetByLabel("Confirm your password"), Password);
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 }).WaitForAsync();
    }

    /// <summary>Chooses options by their written index: radios with arrows, checkboxes with Space.</summary>
    public async Task ChooseAsync(ILocator container, Question question, IReadOnlyCollection<int> chosen)
    {
        var inputs = container.Locator("input");
        if (question.Kind == QuestionKind.SingleAnswer)
        {
            // Tab lands on the group; arrow keys move and select within it.
            var target = chosen.Single();
            var values = await inputs.EvaluateAllAsync<int[]>("els => els.map(e => Number(e.value))");
            await TabToAsync(inputs.First);
            await Page.Keyboard.PressAsync("Space");
            for (var i = 0; values[i] != target; i++)
            {
                await Page.Keyboard.PressAsync("ArrowDown");
            }
        }
        else
        {
            foreach (var index in chosen)
            {
                await TabToAsync(container.Locator($"input[value='{index}']"));
                await Page.Keyboard.PressAsync("Space");
            }
        }
    }

    public async Task AnswerKnowledgeCheckAsync(Question question, bool correctly = true)
    {
        var card = Page.Locator($"[data-question-id='{question.Id}']");
        await card.WaitForAsync();
        if (await card.Locator("input").CountAsync() == 0)
        {
            return; // Answered on an earlier visit.
        }

        await ChooseAsync(card, question, Answer(question, correctly));
        await TabToAsync(card.GetByRole(AriaRole.Button));
        await Page.Keyboard.PressAsync("Enter");
        await card.GetByText(new Regex("^(Correct|Not quite)$")).WaitForAsync();
    }

    /// <summary>Answers every check on the lesson page and completes it; returns when the next page is shown.</summary>
    public async Task CompleteLessonAsync(Lesson lesson)
    {
        await Page.GetByRole(AriaRole.Heading, new() { Name = lesson.Title, Level = 1 }).WaitForAsync();
        await WaitInteractiveAsync();
        foreach (var question in lesson.Questions)
        {
            await AnswerKnowledgeCheckAsync(question);
        }

        var before = Page.Url;
        await PressButtonAsync("Complete lesson and continue");
        await Page.WaitForFunctionAsync("url => location.href !== url", before);
    }

    /// <summary>The written indexes to choose: exactly the right ones, or a wrong answer.</summary>
    public static IReadOnlyCollection<int> Answer(Question question, bool correctly)
    {
        var right = question.Options.Where(o => o.IsCorrect).Select(o => o.Index).ToList();
        if (correctly)
        {
            return right;
        }

        return [question.Options.First(o => !o.IsCorrect).Index];
    }

    public async Task ExpectNoSeriousAxeViolationsAsync(string what)
    {
        // IAPT_SCREENSHOTS=<folder> keeps a full-page picture of each page checked, for review.
        if (Environment.GetEnvironmentVariable("IAPT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, string.Concat(what.Split(Path.GetInvalidFileNameChars())) + ".png"), FullPage = true });
        }

        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [GeneratedRegex("/profile$")]
    private static partial Regex ProfileAddress();
}
