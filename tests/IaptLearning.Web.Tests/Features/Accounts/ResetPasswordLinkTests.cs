using System.Net;

namespace IaptLearning.Web.Tests.Features.Accounts;

[Collection(WebAppTests.Name)]
public class ResetPasswordLinkTests(WebAppFixture app)
{
    [Fact]
    public async Task ResetPassword_MangledCode_ShowsInvalidLinkPageNotAnError()
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(new Uri("/Account/ResetPassword?code=a", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/InvalidPasswordReset", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_LinkWithEmail_FillsInTheEmailAddress()
    {
        using var client = app.CreateBrowserClient();

        var html = await client.GetStringAsync(new Uri("/Account/ResetPassword?code=YWJjZA&email=sam.o%27neill%40example.nhs.uk", UriKind.Relative));

        Assert.Contains("value=\"sam.o&#x27;neill@example.nhs.uk\"", html, StringComparison.Ordinal);
    }
}
