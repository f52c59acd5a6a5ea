using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>Sign out, forgotten password through the email pickup folder, sign in again, change password.</summary>
public sealed partial class AccountFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();

    public Task InitializeAsync() => _app.StartAsync(minTimeScale: 0);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ForgottenPassword_LinkFromPickupFolder_ResetsAndSignsIn()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = learner.Page;
        var email = $"forgetful-{Guid.NewGuid():N}@example.nhs.uk";
        await learner.RegisterAsync(email, "Forgetful Learner");

        await learner.PressButtonAsync("Sign out");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.WaitForAsync();

        await learner.GotoAsync("Account/ForgotPassword");
        await learner.TypeIntoAsync(page.GetByLabel("Email address"), email);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" }).WaitForAsync();

        var link = await ResetLinkAsync(email);
        await page.GotoAsync(link);
        await learner.ExpectNoSeriousAxeViolationsAsync("reset password page");
        const string newPassword = "another long memorable passphrase";
        await learner.TypeIntoAsync(page.GetByLabel("Email address"), email);
        await learner.TypeIntoAsync(page.GetByLabel("New password", new() { Exact = true }), newPassword);
        await learner.TypeIntoAsync(page.GetByLabel("Confirm your new password"), newPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your password has been reset" }).WaitForAsync();

        await learner.GotoAsync("Account/Login");
        await learner.TypeIntoAsync(page.GetByLabel("Email address"), email);
        await learner.TypeIntoAsync(page.GetByLabel("Password"), newPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();

        await learner.GotoAsync("Account/Manage/ChangePassword");
        await learner.ExpectNoSeriousAxeViolationsAsync("change password page");
        await learner.TypeIntoAsync(page.GetByLabel("Current password"), newPassword);
        await learner.TypeIntoAsync(page.GetByLabel("New password", new() { Exact = true }), Learner.Password);
        await learner.TypeIntoAsync(page.GetByLabel("Confirm your new password"), Learner.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Your password has been changed").WaitForAsync();

        foreach (var address in new[] { "Account/Manage", "Account/Manage/Email" })
        {
            await learner.GotoAsync(address);
            await learner.ExpectNoSeriousAxeViolationsAsync(address);
        }
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        var folder = Path.Combine(_app.DataPath, "mail");
        for (var i = 0; i < 50; i++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            {
                var text = DecodeQuotedPrintable(await File.ReadAllTextAsync(file));
                if (text.Contains(email, StringComparison.Ordinal) && Href().Match(text) is { Success: true } m)
                {
                    return WebUtility.HtmlDecode(m.Groups[1].Value);
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("No reset email in the pickup folder.");
    }

    private static string DecodeQuotedPrintable(string text)
    {
        text = text.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
        return QpByte().Replace(text, m => Encoding.Latin1.GetString([byte.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)]));
    }

    [GeneratedRegex("href=\"([^\"]+ResetPassword[^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QpByte();
}
