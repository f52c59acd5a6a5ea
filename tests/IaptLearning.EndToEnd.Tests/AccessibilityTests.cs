using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>axe on the page types the journey test does not visit; no serious or critical violation.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();

    public Task InitializeAsync() => _app.StartAsync(minTimeScale: 0);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("Account/Login")]
    [InlineData("Account/Register")]
    [InlineData("Account/ForgotPassword")]
    public async Task AccountPage_Axe_NoSeriousViolations(string address)
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        await learner.Page.GotoAsync(address);
        await learner.ExpectNoSeriousAxeViolationsAsync(address);
    }

    [Fact]
    public async Task LearnerPages_OnAPhone_FitTheScreen_AndHaveNoSeriousViolations()
    {
        var page = await browser.NewPageAsync(_app.BaseAddress);
        await page.SetViewportSizeAsync(375, 812);
        var learner = new Learner(page);
        await learner.SignUpAsync();
        var module = Learner.LongCovid;
        var tooWide = new List<string>();
        foreach (var address in new[]
        {
            "", "modules", $"modules/{module.Slug}", $"modules/{module.Slug}/lessons/{module.Lessons[0].Slug}",
            $"modules/{module.Slug}/assessment", "cpd", "profile", "verify", "Account/Manage", "Account/Manage/ChangePassword",
        })
        {
            await page.GotoAsync(address);
            if (address != "verify")
            {
                // The public verification page is static, like the account pages.
                await learner.WaitInteractiveAsync();
            }

            if (await learner.WiderThanTheScreenAsync("/" + address, 375) is { } problem)
            {
                tooWide.Add(problem);
            }

            await learner.ExpectNoSeriousAxeViolationsAsync($"/{address} at 375 px");
        }

        Assert.Empty(tooWide);
    }

    [Fact]
    public async Task UnknownModule_DirectGet_Is404PageWithoutViolations()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var response = await learner.Page.GotoAsync("modules/no-such-module");
        Assert.Equal(404, response!.Status);
        // Checked once the page has settled: when the circuit starts, the page renders again
        // interactively, and the head's title is briefly replaced while it does.
        await learner.WaitInteractiveAsync();
        await Assertions.Expect(learner.Page).ToHaveTitleAsync("Page not found - IaptLearning");
        await learner.ExpectNoSeriousAxeViolationsAsync("404 page");
    }

    [Fact]
    public async Task UnknownLesson_SignedInDirectGet_Is404()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        await learner.SignUpAsync();
        var response = await learner.Page.GotoAsync("modules/long-covid/lessons/no-such-lesson");
        Assert.Equal(404, response!.Status);
        await learner.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Page not found" }).WaitForAsync();
    }

    [Fact]
    public async Task SignInErrors_Axe_NoSeriousViolations()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        await learner.Page.GotoAsync("Account/Login");
        await learner.PressButtonAsync("Sign in");
        await learner.Page.Locator(".nhsuk-error-summary").WaitForAsync();
        await learner.ExpectNoSeriousAxeViolationsAsync("sign-in with errors");
    }
}
