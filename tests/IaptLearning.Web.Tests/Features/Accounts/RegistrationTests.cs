using System.Net;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Admin;
using IaptLearning.Web.Tests.Features.Admin;
using IaptLearning.Web.Tests.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Accounts;

/// <summary>
/// Issue 19: registering an address already in use says exactly what a new address gets ("check your
/// email") and emails its owner instead; an invitation opens its own "Set up your account" page.
/// </summary>
[Collection(WebAppTests.Name)]
public sealed class RegistrationTests(WebAppFixture app)
{
    private const string Password = "a long registration passphrase";

    private async Task<HttpResponseMessage> RegisterAsync(string email, string name)
    {
        var browser = new CookieJarClient(app);
        var form = await browser.GetAsync("/Account/Register");
        return await browser.PostAsync("/Account/Register", new()
        {
            ["__RequestVerificationToken"] = WebAppFixture.AntiforgeryToken(form),
            ["_handler"] = "register",
            ["Input.FullName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
    }

    [Fact]
    public async Task Register_AddressInUse_SameRedirectAsANewOne_OwnerEmailed_AccountUnchanged()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.nhs.uk";

        using var first = await RegisterAsync(email, "Real Owner");
        using var second = await RegisterAsync(email, "Someone Else");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("/Account/RegisterConfirmation", first.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("Set-Cookie", second.Headers.Select(h => h.Key), StringComparer.OrdinalIgnoreCase);

        var mail = app.MailTo(email);
        Assert.Equal(2, mail.Count);
        Assert.Single(mail, m => m.Contains("Subject: Confirm your email address", StringComparison.Ordinal));
        var warning = InvitationEmailTests.Body(Assert.Single(mail, m => m.Contains("Subject: Someone tried to create an account with your email address", StringComparison.Ordinal)));
        Assert.Contains("https://learning.example.nhs.uk/Account/ForgotPassword", warning, StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        Assert.Equal("Real Owner", user?.FullName);
    }

    [Fact]
    public async Task RegisterConfirmation_AnyAddress_TheSamePage_NeverNotFound()
    {
        var browser = new CookieJarClient(app);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.nhs.uk";
        using var response = await browser.RawGetAsync("/Account/RegisterConfirmation?email=" + Uri.EscapeDataString(unknown));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check your email", html, StringComparison.Ordinal);
        Assert.Contains($"We have sent an email to <strong>{unknown}</strong>.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no account found", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SetUpAccount_ForgedToken_SaysTheLinkCannotBeUsed_AndShowsNothingOfTheAccount()
    {
        var (_, email) = await app.CreatePersonAsync(name: "Private Name", password: null);

        var link = Invitations.Link(new Uri("http://localhost/"), "not-a-real-token", email);
        var html = await new CookieJarClient(app).GetAsync(link.PathAndQuery);

        Assert.Contains("This link cannot be used", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Private Name", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetUpAccount_DeactivatedPerson_PasswordNotUsableToSignIn_AndSaysWhy()
    {
        var email = $"deactivated-{Guid.NewGuid():N}@example.nhs.uk";
        string link;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, FullName = "Gone Person", DeactivatedAtUtc = DateTime.UtcNow, LockoutEnabled = true, LockoutEnd = DateTimeOffset.MaxValue };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            link = await Invitations.CreateLinkAsync(users, user, "http://localhost/");
        }

        var browser = new CookieJarClient(app);
        var path = new Uri(link).PathAndQuery;
        var form = await browser.GetAsync(path);
        using var response = await browser.PostAsync(path, new()
        {
            ["__RequestVerificationToken"] = WebAppFixture.AntiforgeryToken(form),
            ["_handler"] = "set-up-account",
            ["Input.Code"] = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Code\" value=\"([^\"]*)\"").Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account has been deactivated", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(browser.Cookie(".AspNetCore.Identity.Application"));
    }
}
