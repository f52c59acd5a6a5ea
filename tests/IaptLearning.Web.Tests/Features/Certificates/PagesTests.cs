using System.Net;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

[Collection(WebAppTests.Name)]
public class CertificatePagesTests(WebAppFixture app)
{
    [Fact]
    public async Task GetCpd_SignedOut_RedirectsToSignIn()
    {
        var response = await app.CreateBrowserClient().GetAsync(new Uri("/cpd", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task GetCpd_SignedIn_ShowsOwnEntriesOnly()
    {
        var (user, email) = await app.CreatePersonAsync();
        var mine = await CertificateSteps.IssueAsync(app, user);
        var theirs = await CertificateSteps.IssueAsync(app);
        using var client = await app.SignInAsync(email);

        var html = await client.GetStringAsync("/cpd");

        Assert.Contains(CertificateEndpoints.CertificateAddress(mine.Number).TrimStart('/'), html);
        Assert.DoesNotContain(theirs.Number, html);
        Assert.Contains("What I learned", html);
        Assert.Contains("5 March 2026", html);
    }

    [Fact]
    public async Task GetModule_Completed_LinksOwnCertificate()
    {
        var (user, email) = await app.CreatePersonAsync();
        var certificate = await CertificateSteps.IssueAsync(app, user);
        using var client = await app.SignInAsync(email);

        var html = await client.GetStringAsync("/modules/sample-module");

        Assert.Contains("Download your certificate", html);
        Assert.Contains(certificate.Number, html);
    }

    [Fact]
    public async Task GetRevoke_Learner_IsRefused()
    {
        var (_, email) = await app.CreatePersonAsync();
        using var client = await app.SignInAsync(email);

        var response = await client.GetAsync(new Uri("/admin/certificates/revoke", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/AccessDenied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task GetRevoke_Admin_ShowsForm()
    {
        var (_, email) = await app.CreatePersonAsync(roles: [Roles.Admin]);

        using var client = await app.SignInAsync(email);
        var response = await client.GetAsync(new Uri("/admin/certificates/revoke", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Revoke a certificate", await response.Content.ReadAsStringAsync());
    }
}
