using System.Net;
using System.Text.RegularExpressions;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Tests.Features.Admin;

namespace IaptLearning.Web.Tests.Features.Security;

/// <summary>
/// Issue 21, the outside probe's findings, each replayed as the probe made it: a forged Host on the
/// reset form, a cookie replayed after sign-out, off-site return addresses, junk query values,
/// posts without antiforgery tokens, a hub opened from another origin, missing headers.
/// </summary>
[Collection(WebAppTests.Name)]
public sealed partial class SecurityFindingsTests(WebAppFixture app)
{
    private const string AuthCookie = ".AspNetCore.Identity.Application";

    [Fact]
    public async Task ForgotPassword_ForgedHostHeader_LinkStillAtThePublicAddress()
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        var form = await browser.GetAsync("/Account/ForgotPassword");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebAppFixture.AntiforgeryToken(form),
                ["_handler"] = "forgot-password",
                ["Input.Email"] = email,
            }),
        };
        request.Headers.Host = "evil.example";
        using var response = await browser.SendAsync(request);
        Assert.True((int)response.StatusCode < 500, $"The reset form failed: {(int)response.StatusCode}");

        var message = Assert.Single(app.MailTo(email), text => text.Contains("ResetPassword", StringComparison.Ordinal));
        var body = InvitationEmailTests.Body(message);
        Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://learning.example.nhs.uk/Account/ResetPassword?code=", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_OldCookieReplayed_NoLongerOpensTheCpdRecord_AtOnceOrAMinuteLater()
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        await browser.SignInAsync(email, WebAppFixture.Password);
        var stolen = browser.Cookie(AuthCookie);
        Assert.NotNull(stolen);
        Assert.Equal(HttpStatusCode.OK, (await browser.RawGetAsync("/cpd")).StatusCode);

        var manage = await browser.GetAsync("/Account/Manage");
        using var signOut = await browser.PostAsync("/Account/Logout", new() { ["__RequestVerificationToken"] = WebAppFixture.AntiforgeryToken(manage), ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var attacker = new CookieJarClient(app);
        attacker.SetCookie(AuthCookie, stolen);
        using var atOnce = await attacker.RawGetAsync("/cpd");
        Assert.Equal(HttpStatusCode.Redirect, atOnce.StatusCode);
        Assert.Contains("/Account/Login", atOnce.Headers.Location!.OriginalString, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(1.5));
        using var later = await attacker.RawGetAsync("/cpd");
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Contains("/Account/Login", later.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_OffSiteReturnUrl_GoesHomeNot500(string returnUrl)
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        var address = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await browser.GetAsync(address);
        using var response = await browser.PostAsync(address, WebAppFixture.SignInForm(form, email, WebAppFixture.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.DoesNotContain("evil.example", location, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript", location, StringComparison.OrdinalIgnoreCase);
        Assert.True(location is "/" or "./" or "" || location.EndsWith('/'), $"Expected the home page, got {location}");
    }

    [Theory]
    [InlineData("/admin/people?team=abc")]
    [InlineData("/admin/people?page=99999999999")]
    [InlineData("/admin/people?page=-1&team=99999999999")]
    [InlineData("/admin/audit?page=99999999999")]
    [InlineData("/admin/audit?page=abc&from=notadate&to=32/13/2026")]
    [InlineData("/manage/assignments?assigned=abc")]
    [InlineData("/admin/organisations/1?created=abc")]
    [InlineData("/manage/records?page=99999999999&team=abc")]
    public async Task AdminPages_QueryValuesThatDoNotParse_AnswerThePageNot500(string address)
    {
        var (_, email) = await app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Learner, Roles.Admin]);
        using var client = await app.SignInAsync(email);
        using var response = await client.GetAsync(address);
        Assert.True((int)response.StatusCode < 500, $"{address} answered {(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task LoginWith2fa_RememberMeNotABoolean_Not500()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync("/Account/LoginWith2fa?rememberMe=abc");
        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_Is400_AndTheSessionLives()
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        await browser.SignInAsync(email, WebAppFixture.Password);
        using var response = await browser.PostAsync("/Account/Logout", new() { ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.RawGetAsync("/cpd")).StatusCode);
    }

    [Fact]
    public async Task DownloadPersonalData_WithoutAntiforgeryToken_Is400WithNoData()
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        await browser.SignInAsync(email, WebAppFixture.Password);
        using var response = await browser.PostAsync("/Account/Manage/DownloadPersonalData", []);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(email, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var manage = await browser.GetAsync("/Account/Manage/PersonalData");
        using var genuine = await browser.PostAsync("/Account/Manage/DownloadPersonalData", new() { ["__RequestVerificationToken"] = WebAppFixture.AntiforgeryToken(manage) });
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Contains(email, await genuine.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost.evil.example", HttpStatusCode.Forbidden)]
    [InlineData("https://learning.example.nhs.uk", HttpStatusCode.OK)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    public async Task BlazorHub_OtherOrigin_Refused_OwnOriginAllowed(string origin, HttpStatusCode expected)
    {
        var (_, email) = await app.CreatePersonAsync();
        var browser = new CookieJarClient(app);
        await browser.SignInAsync(email, WebAppFixture.Password);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        using var response = await browser.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/verify")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndNoServerHeader(string address)
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(address);
        var headers = response.Headers;
        string Header(string name) => headers.TryGetValues(name, out var values) ? string.Join(",", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";

        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header("X-Frame-Options"));
        var csp = Header("Content-Security-Policy");
        Assert.Single(headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'", csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.False(headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_InlineScriptsCarryThisResponsesNonce_AndNonceChangesEachTime()
    {
        using var client = app.CreateBrowserClient();
        var nonces = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync("/");
            var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
            var html = await response.Content.ReadAsStringAsync();
            foreach (Match script in InlineScript().Matches(html))
            {
                Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal);
            }

            nonces.Add(nonce);
        }

        Assert.Equal(nonces.Count, nonces.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Script elements with a body (no src): the ones the policy lets run only with the nonce.</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?!\\s*</script>)")]
    private static partial Regex InlineScript();
}
