using System.Net;
using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

[Collection(WebAppTests.Name)]
public class VerifyPageTests(WebAppFixture app)
{
    [Fact]
    public async Task Verify_ValidCode_ShowsEveryPrintedFieldAndNothingElse()
    {
        var (user, email) = await app.CreatePersonAsync("Siân O'Brien-Nguyễn");
        var certificate = await CertificateSteps.IssueAsync(app, user);

        var response = await app.CreateBrowserClient().GetAsync(new Uri("/verify/" + certificate.VerificationCode, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This certificate is valid", html);
        Assert.Contains("Siân O'Brien-Nguyễn", html);
        Assert.Contains(certificate.Number, html);
        Assert.Contains(VerificationCode.Format(certificate.VerificationCode), html);
        Assert.Contains(certificate.ModuleTitle, html);
        Assert.Contains(certificate.JobRole, html);
        Assert.Contains(certificate.ContentHash[..12], html);
        Assert.Contains(certificate.IssuerName, html);
        Assert.Contains("5 March 2026", html);
        Assert.All(certificate.LearningOutcomes, o => Assert.Contains(o, html));
        Assert.DoesNotContain(email, html);
        Assert.DoesNotContain(user, html);
    }

    [Fact]
    public async Task Verify_GroupedLowerCaseCode_Verifies()
    {
        var certificate = await CertificateSteps.IssueAsync(app);
        var typed = VerificationCode.Format(certificate.VerificationCode).ToLowerInvariant();

        var response = await app.CreateBrowserClient().GetAsync(new Uri("/verify?code=" + typed + "&number=" + certificate.Number, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Verify_Revoked_ShowsRevokedWithDateAndReason()
    {
        var certificate = await CertificateSteps.IssueAsync(app);
        var adminId = (await app.CreatePersonAsync()).Id;
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, adminId), new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "admin@example.nhs.uk")], "Test"));
        Assert.Equal(RevokeOutcome.Revoked, await app.Get<CertificateVerifier>().RevokeAsync(certificate.Number, "Issued in error after a data fix", admin));
        Assert.Equal(RevokeOutcome.AlreadyRevoked, await app.Get<CertificateVerifier>().RevokeAsync(certificate.Number, "Again", admin));

        var html = WebUtility.HtmlDecode(await app.CreateBrowserClient().GetStringAsync("/verify/" + certificate.VerificationCode));

        Assert.Contains("This certificate has been revoked", html);
        Assert.Contains("Issued in error after a data fix", html);
        Assert.Contains("5 March 2026", html);
        Assert.DoesNotContain("This certificate is valid", html);
    }

    [Theory]
    [InlineData("0000000000000000000000000000")]
    [InlineData("not-a-code")]
    [InlineData("UUUUUUUUUUUUUUUUUUUUUUUUUUUU")]
    public async Task Verify_UnknownOrMalformed_Returns404NotFoundPage(string code)
    {
        var response = await app.CreateBrowserClient().GetAsync(new Uri("/verify/" + code, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Certificate not found", html);
    }

    [Fact]
    public async Task Verify_Oversized_Returns404()
    {
        var response = await app.CreateBrowserClient().GetAsync(new Uri("/verify/" + new string('A', 2000), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Find_MalformedOrOversized_NeverTouchesTheDatabase()
    {
        // The factory is not consulted: a verifier with no database still answers.
        var verifier = new CertificateVerifier(null!, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<CertificateVerifier>.Instance);
        Assert.Null(await verifier.FindAsync(new string('A', 5000)));
        Assert.Null(await verifier.FindAsync("abc"));
        Assert.Null(await verifier.FindAsync(null));
    }

    [Fact]
    public async Task Verify_CodeOfOneWithNumberOfAnother_DoesNotVerify()
    {
        var one = await CertificateSteps.IssueAsync(app);
        var another = await CertificateSteps.IssueAsync(app);

        var response = await app.CreateBrowserClient().GetAsync(new Uri($"/verify/{one.VerificationCode}?number={another.Number}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Verify_NoCode_ShowsFormWith200()
    {
        var response = await app.CreateBrowserClient().GetAsync(new Uri("/verify", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check a certificate", await response.Content.ReadAsStringAsync());
    }
}

// Its own app (a class fixture, outside the shared collection), so the limit is not shared with other tests.
public sealed class RateLimitTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Verify_OverTheLimit_Returns429WithRetryAfter()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Certificates:VerifyPermitsPerMinute", "3"));
        var client = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/verify/nope", UriKind.Relative))).StatusCode);
        }

        var refused = await client.GetAsync(new Uri("/verify/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // Other pages are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/modules", UriKind.Relative))).StatusCode);
    }
}
