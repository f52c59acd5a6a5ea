using System.Net;

namespace IaptLearning.Web.Tests.Features.Accounts;

/// <summary>The sign-in page counts failures: five wrong passwords lock the account, even against the right one.</summary>
[Collection(WebAppTests.Name)]
public partial class LockoutTests(WebAppFixture app)
{
    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksOutEvenTheRightPassword()
    {
        var email = $"lockout-{Guid.NewGuid():N}@example.nhs.uk";
        await app.CreatePersonAsync(email: email);
        using var client = app.CreateBrowserClient();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await WebAppFixture.PostSignInAsync(client, email, "not the right password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // The fifth failure locks the account.
        var fifth = await WebAppFixture.PostSignInAsync(client, email, "not the right password at all");
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.ToString());

        var right = await WebAppFixture.PostSignInAsync(client, email, WebAppFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Account/Lockout", right.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignIn_RightPassword_SignsIn()
    {
        var email = $"ok-{Guid.NewGuid():N}@example.nhs.uk";
        await app.CreatePersonAsync(email: email);
        using var client = app.CreateBrowserClient();

        var response = await WebAppFixture.PostSignInAsync(client, email, WebAppFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Lockout", response.Headers.Location!.ToString());
    }
}
