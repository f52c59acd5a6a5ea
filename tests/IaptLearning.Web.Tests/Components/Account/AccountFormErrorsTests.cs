using System.Net;
using System.Text.RegularExpressions;
using IaptLearning.Web.Tests.Features.Security;

namespace IaptLearning.Web.Tests.Components.Account;

/// <summary>
/// Issue 19: on the account pages every problem in the error summary links to the field it is about, and the
/// field says it beside itself, "Error:" first for screen readers, whether the form's rules or Identity found it.
/// </summary>
[Collection(WebAppTests.Name)]
public sealed partial class AccountFormErrorsTests(WebAppFixture app)
{
    [Fact]
    public async Task Register_Empty_EachMessageLinksToItsFieldInPageOrder()
    {
        var browser = new CookieJarClient(app);
        using var response = await browser.SubmitFormAsync("/Account/Register", "register", new()
        {
            ["Input.FullName"] = "",
            ["Input.Email"] = "",
            ["Input.Password"] = "",
            ["Input.ConfirmPassword"] = "",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Input.FullName", "Input.Email", "Input.Password"], SummaryLinks(html).Select(l => l.Field).Take(3));
        Assert.Contains(SummaryLinks(html), l => l.Field == "Input.Email" && l.Message == "Enter your email address");
        Assert.Contains("<span class=\"nhsuk-error-message\" id=\"Input.Email-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> Enter your email address</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_LinkedToTheEmailField()
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        var form = await browser.GetAsync("/Account/Login");
        using var response = await browser.PostAsync("/Account/Login", WebAppFixture.SignInForm(form, email, "not the password at all"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(("Input.Email", "The email address or password is not right"), Assert.Single(SummaryLinks(html)));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IdentitysErrorLinkedToTheCurrentPasswordField()
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        await browser.SignInAsync(email, WebAppFixture.Password);
        using var response = await browser.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = "not the current password",
            ["Input.NewPassword"] = "a brand new long passphrase",
            ["Input.ConfirmPassword"] = "a brand new long passphrase",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var (field, message) = Assert.Single(SummaryLinks(html));
        Assert.Equal("Input.OldPassword", field);
        Assert.Contains($"id=\"Input.OldPassword-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {message}", html, StringComparison.Ordinal);
    }

    private static List<(string Field, string Message)> SummaryLinks(string html)
    {
        var start = html.IndexOf("nhsuk-error-summary__list", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no error summary.");
        var list = html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
        return SummaryLink().Matches(list).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim())).ToList();
    }

    [GeneratedRegex("<a href=\"[^\"#]*#([^\"]+)\">([^<]*)</a>")]
    private static partial Regex SummaryLink();
}
