using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>
/// The site under its real Content-Security-Policy: a manager (who is also a learner) opens the
/// catalogue, a module, a lesson, the dashboard's Chart.js charts, the records and the CPD record,
/// and the browser reports no CSP violation, no console error and no uncaught script error.
/// A policy too tight for Blazor, Chart.js or the NHS.UK scripts fails here, not in production.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();

    public async Task InitializeAsync()
    {
        _app.ExtraArguments.Add("--Accounts:CreateDemoAccounts");
        _app.ExtraArguments.Add("true");
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryKindOfPage_UnderThePolicy_NoViolationAndNoConsoleError()
    {
        var who = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = who.Page;
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // The NHS.UK stylesheet's Frutiger fonts come from assets.nhs.uk, which this machine
            // cannot reach (nor can some locked-down desktops): the type falls back to Arial.
            // WebAuthn refuses an IP address (the test server's 127.0.0.1) as a relying party, so
            // the sign-in page's passkey autofill logs "invalid domain"; on a real domain it does not.
            if (message.Type == "error"
                && !message.Location.StartsWith("https://assets.nhs.uk/", StringComparison.Ordinal)
                && !(message.Location.Contains("PasskeySubmit", StringComparison.Ordinal) && message.Text.Contains("invalid domain", StringComparison.Ordinal)))
            {
                problems.Add($"console error on {page.Url} from {message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"script error on {page.Url}: {error}");
        // Violations are reported to the page as events; record them where the test can read them.
        await page.Context.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);

        var response = await page.GotoAsync("Account/Login");
        Assert.NotNull(response);
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("script-src 'self' 'nonce-", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        await ExpectCleanAsync(page, problems, "sign-in page");

        await who.SignInAsync("manager.north@example.nhs.uk");

        var lesson = Learner.LongCovid.Lessons[0];
        foreach (var (address, what) in new[]
        {
            ("", "home page"),
            ("modules", "catalogue"),
            ($"modules/{Learner.LongCovid.Slug}", "module page"),
            ($"modules/{Learner.LongCovid.Slug}/lessons/{lesson.Slug}", "lesson page"),
            ("manage", "dashboard with charts"),
            ("manage/records", "training records"),
            ("cpd", "CPD record"),
        })
        {
            await who.GotoAsync(address);
            await ExpectCleanAsync(page, problems, what);
        }

        // The dashboard's charts really drew: Chart.js ran under the policy.
        await who.GotoAsync("manage");
        var charts = page.Locator("canvas");
        if (await charts.CountAsync() > 0)
        {
            var drawn = await charts.First.EvaluateAsync<bool>("c => c.width > 0 && c.height > 0");
            Assert.True(drawn, "The dashboard's chart canvas has no size, so Chart.js did not run.");
        }

        await ExpectCleanAsync(page, problems, "dashboard after charts");
    }

    private static async Task ExpectCleanAsync(IPage page, List<string> problems, string what)
    {
        // Let late scripts (Blazor's start-up, Chart.js) run before reading the reports.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        var all = problems.Concat(violations.Select(v => $"CSP violation on {page.Url}: {v}")).ToList();
        Assert.True(all.Count == 0, $"On the {what}:\n" + string.Join('\n', all));
    }
}
