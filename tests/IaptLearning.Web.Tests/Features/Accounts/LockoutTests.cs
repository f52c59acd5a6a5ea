using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IaptLearning.Web.Tests.Features.Accounts;

/// <summary>The sign-in page counts failures: five wrong passwords lock the account, even against the right one.</summary>
[Collection(WebAppTests.Name)]
public partial class LockoutTests(WebAppFixture app)
{
    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksOutEvenTheRightPassword()
    {
        var email = $"lockout-{Guid.NewGuid():N}@example.nhs.uk";
        await app.CreateUserAsync(email);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        for (var i = 0; i < 4; i++)
        {
            var wrong = await SignInAsync(client, email, "not the right password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // The fifth failure locks the account.
        var fifth = await SignInAsync(client, email, "not the right password at all");
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.ToString());

        var right = await SignInAsync(client, email, "correct horse battery staple");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Account/Lockout", right.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignIn_RightPassword_SignsIn()
    {
        var email = $"ok-{Guid.NewGuid():N}@example.nhs.uk";
        await app.CreateUserAsync(email);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var response = await SignInAsync(client, email, "correct horse battery staple");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Lockout", response.Headers.Location!.ToString());
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
