using System.Net;

namespace IaptLearning.Web.Tests.Features.Security;

/// <summary>
/// Issue 19: a form shown again after an error never carries the typed password in its source
/// (<c>InputPassword</c>), on registration, sign-in and the password pages.
/// </summary>
[Collection(WebAppTests.Name)]
public sealed class PasswordEchoTests(WebAppFixture app)
{
    private const string Typed = "a typed secret passphrase 7431";

    [Fact]
    public async Task Register_PasswordsDoNotMatch_PageShownAgainWithoutThePassword()
    {
        var browser = new CookieJarClient(app);
        using var response = await browser.SubmitFormAsync("/Account/Register", "register", new()
        {
            ["Input.FullName"] = "Sam Carter",
            ["Input.Email"] = $"echo-{Guid.NewGuid():N}@example.nhs.uk",
            ["Input.Password"] = Typed,
            ["Input.ConfirmPassword"] = Typed + " but different",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The passwords do not match", html, StringComparison.Ordinal);
        Assert.Contains("Sam Carter", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a typed secret passphrase", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_PageShownAgainWithoutThePassword()
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        var form = await browser.GetAsync("/Account/Login");
        using var response = await browser.PostAsync("/Account/Login", WebAppFixture.SignInForm(form, email, Typed));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("email address or password is not right", html, StringComparison.Ordinal);
        Assert.Contains(email, html, StringComparison.Ordinal);
        Assert.DoesNotContain("a typed secret passphrase", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_PageShownAgainWithoutAnyPassword()
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        await browser.SignInAsync(email, WebAppFixture.Password);
        using var response = await browser.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = Typed,
            ["Input.NewPassword"] = "another typed secret 9921",
            ["Input.ConfirmPassword"] = "another typed secret 9921",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a typed secret passphrase", html, StringComparison.Ordinal);
        Assert.DoesNotContain("another typed secret", html, StringComparison.Ordinal);
    }
}
