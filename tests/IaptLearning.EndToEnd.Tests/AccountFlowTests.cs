using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>Registration, sign out, forgotten password through the email pickup folder, sign in again, change password.</summary>
public sealed class AccountFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
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

        var link = Mailbox.Link(await new Mailbox(_app.DataPath).WaitForAsync(email, "Reset your password"), "Account/ResetPassword");
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

    [Fact]
    public async Task Register_AnAddressInUse_GetsTheSameCheckYourEmailPage_AndItsOwnerAnEmail()
    {
        var email = $"taken-{Guid.NewGuid():N}@example.nhs.uk";
        var first = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        await first.SubmitRegistrationAsync(email, "First Owner");
        await first.ExpectNoSeriousAxeViolationsAsync("check your email page");
        var newAddressPage = await first.Page.Locator("main").InnerTextAsync();

        var second = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        await second.SubmitRegistrationAsync(email, "Someone Else");
        var takenAddressPage = await second.Page.Locator("main").InnerTextAsync();

        // Nothing on the page tells the two apart, so it cannot tell anyone which addresses have accounts.
        Assert.Equal(newAddressPage, takenAddressPage);
        Assert.Contains($"We have sent an email to {email}.", takenAddressPage, StringComparison.Ordinal);
        Assert.DoesNotContain("already taken", takenAddressPage, StringComparison.OrdinalIgnoreCase);

        var mailbox = new Mailbox(_app.DataPath);
        await mailbox.WaitForAsync(email, "Confirm your email address");
        var warning = await mailbox.WaitForAsync(email, "Someone tried to create an account with your email address");
        Assert.Contains("Account/ForgotPassword", warning, StringComparison.Ordinal);

        // The account is the first owner's, unchanged: they sign in from the page and see their own name.
        await first.SignInFromCheckYourEmailAsync(email);
        Assert.Equal("First Owner", await first.Page.GetByLabel("Full name").InputValueAsync());
    }

    [Fact]
    public async Task ErrorSummaries_OnStaticAndInteractiveForms_TakeFocus_AndLinkToEachField()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = learner.Page;

        // A static account page: the form's own rules.
        await learner.GotoAsync("Account/Register");
        await learner.TypeIntoAsync(page.GetByLabel("Full name"), "Robin Newcomer");
        await page.Keyboard.PressAsync("Enter");
        await learner.ExpectErrorSummaryLinkingToAsync("Enter your email address", "Input.Email");
        var links = await page.Locator(".nhsuk-error-summary li a").EvaluateAllAsync<string[]>("links => links.map(l => l.hash)");
        Assert.Equal(["#Input.Email", "#Input.Password"], links);
        await learner.ExpectNoSeriousAxeViolationsAsync("registration with errors");

        // A problem Identity finds is on its field too: a wrong current password.
        var email = $"summary-{Guid.NewGuid():N}@example.nhs.uk";
        await learner.RegisterAsync(email, "Robin Newcomer");
        await learner.GotoAsync("Account/Manage/ChangePassword");
        await learner.TypeIntoAsync(page.GetByLabel("Current password"), "not my password at all");
        await learner.TypeIntoAsync(page.GetByLabel("New password", new() { Exact = true }), "another long memorable passphrase");
        await learner.TypeIntoAsync(page.GetByLabel("Confirm your new password"), "another long memorable passphrase");
        await page.Keyboard.PressAsync("Enter");
        var wrong = page.Locator(".nhsuk-error-summary li a");
        await wrong.First.WaitForAsync();
        await learner.ExpectErrorSummaryLinkingToAsync(await wrong.First.InnerTextAsync(), "Input.OldPassword");
        Assert.Contains("Error:", await page.Locator("[id='Input.OldPassword-error']").InnerTextAsync(), StringComparison.Ordinal);

        // An interactive page: the profile, emptied and saved.
        await learner.GotoAsync("profile");
        await learner.WaitInteractiveAsync();
        await page.GetByLabel("Full name").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await learner.ExpectErrorSummaryLinkingToAsync("Enter your full name", "full-name");
        await learner.ExpectNoSeriousAxeViolationsAsync("profile with an error");
    }
}
