using System.Net;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaptLearning.Web.Tests.Features.Security;

/// <summary>
/// Issue 21: password spraying slowed per client (behind a proxy too), common passwords refused,
/// sign-in costing the same for addresses with and without accounts, and a Production start with
/// Secure cookies and host filtering.
/// </summary>
[Collection(WebAppTests.Name)]
public sealed class AccountAbuseTests(WebAppFixture app)
{
    [Fact]
    public async Task SignIn_ThirtyAddressesFromOneClient_RefusedAfterTheLimit_WithRetryAfter()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Accounts:FormPostsPerMinute", "10"));
        var browser = new CookieJarClient(limited);
        var form = await browser.GetAsync("/Account/Login");
        var statuses = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var i = 0; i < 30; i++)
        {
            using var response = await browser.PostAsync("/Account/Login", WebAppFixture.SignInForm(form, $"sprayed-{i}@example.nhs.uk", "Winter2026!Winter2026!"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                retryAfter ??= response.Headers.RetryAfter?.ToString();
                Assert.Contains("Too many attempts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.False(string.IsNullOrEmpty(retryAfter));

        // Reading the form is not limited, and neither is registration's page.
        Assert.Contains("Sign in", await browser.GetAsync("/Account/Login"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResendEmailConfirmation")]
    public async Task OtherAccountForms_PostsLimitedPerClient(string address)
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Accounts:FormPostsPerMinute", "3"));
        var browser = new CookieJarClient(limited);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            // No token: the limit comes before the form is read, so even junk counts.
            using var response = await browser.PostAsync(address, new() { ["Input.Email"] = $"x{i}@example.nhs.uk" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task BehindAKnownProxy_EachForwardedClientHasItsOwnLimit_AndSpoofingFromElsewhereIsIgnored()
    {
        await using var limited = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Accounts:FormPostsPerMinute", "2");
            b.UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.5");
            // The test server has no socket; say the request came from the proxy, or from a stranger.
            b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter()));
        });
        var browser = new CookieJarClient(limited);

        async Task<HttpStatusCode> PostFrom(string peer, string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add(RemoteAddressFilter.PeerHeader, peer);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await browser.SendAsync(request);
            return response.StatusCode;
        }

        // Through the proxy: client A uses up its two, client B still has its own.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("10.0.0.5", "203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("10.0.0.5", "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFrom("10.0.0.5", "203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("10.0.0.5", "203.0.113.2"));

        // Straight from a stranger, X-Forwarded-For is not believed: a new value each time does not reset the limit.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("198.51.100.7", "1.1.1.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("198.51.100.7", "1.1.1.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFrom("198.51.100.7", "1.1.1.3"));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("Password1234!")]
    [InlineData("qwertyuiop123")]
    [InlineData("iloveyou2026!!")]
    public async Task CreateAccount_CommonOrTrivialPassword_Refused(string password)
    {
        var result = await CreateAsync($"pw-{Guid.NewGuid():N}@example.nhs.uk", "Sam Carter", password);
        Assert.False(result.Succeeded, $"'{password}' was accepted.");
    }

    [Fact]
    public async Task CreateAccount_EmailOrNameAsPassword_Refused()
    {
        var email = $"sam.carter.{Guid.NewGuid():N}@example.nhs.uk"[..40] + "@example.nhs.uk";
        Assert.False((await CreateAsync(email, "Sam Carter", email)).Succeeded);
        Assert.False((await CreateAsync("x" + email, "Samantha Carterington", "Samantha Carterington")).Succeeded);
        Assert.True((await CreateAsync("y" + email, "Sam Carter", "correct horse battery staple")).Succeeded);
    }

    [Fact]
    public void CommonPasswordList_AtLeastThreeThousand_AndEveryTwelveCharacterEntryRefused()
    {
        var list = PasswordPolicy.CommonPasswords;
        Assert.True(list.Count >= 3000, $"Only {list.Count} common passwords.");
        var refused = list.Where(p => p.Length >= 12).Take(3000).ToList();
        Assert.All(refused, p => Assert.NotNull(PasswordPolicy.Check(p, "someone@example.nhs.uk", "Someone Else")));
    }

    [Fact]
    public async Task SignIn_UnknownAddressAndLockedAccount_EachCostOnePasswordHash_LikeAWrongPassword()
    {
        var hasher = new CountingHasher(app.Get<IOptions<PasswordHasherOptions>>());
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<ApplicationUser>>(_ => hasher)));
        var (_, email) = await app.CreatePersonAsync();

        async Task<(int Hashes, HttpResponseMessage Response)> SignIn(string address, string password)
        {
            var browser = new CookieJarClient(counted);
            var form = await browser.GetAsync("/Account/Login");
            var before = hasher.Verifications;
            var response = await browser.PostAsync("/Account/Login", WebAppFixture.SignInForm(form, address, password));
            return (hasher.Verifications - before, response);
        }

        Assert.Equal(1, (await SignIn(email, "not the password at all")).Hashes);
        Assert.Equal(1, (await SignIn($"nobody-{Guid.NewGuid():N}@example.nhs.uk", "not the password at all")).Hashes);

        // Lock the real account, then a sign-in (even with the right password) still hashes once.
        for (var i = 0; i < 4; i++)
        {
            await SignIn(email, "still not the password");
        }

        var locked = await SignIn(email, WebAppFixture.Password);
        Assert.Equal(1, locked.Hashes);
        Assert.Contains("Account/Lockout", locked.Response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownAddress_LocksOutAfterAsManyFailuresAsARealAccount()
    {
        var (_, real) = await app.CreatePersonAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.nhs.uk";
        var answers = new Dictionary<string, List<string>>();
        foreach (var address in new[] { real, unknown })
        {
            var browser = new CookieJarClient(app);
            var form = await browser.GetAsync("/Account/Login");
            answers[address] = [];
            for (var i = 0; i < 6; i++)
            {
                using var response = await browser.PostAsync("/Account/Login", WebAppFixture.SignInForm(form, address, "a wrong password " + i));
                answers[address].Add($"{(int)response.StatusCode} {response.Headers.Location?.OriginalString}");
            }
        }

        Assert.Equal(answers[real], answers[unknown]);
        Assert.Contains(answers[real], a => a.Contains("Account/Lockout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_EveryCookieSecure_HstsAYear_AndForeignHostRefused()
    {
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var browser = new CookieJarClient(production, new Uri("https://learning.example.nhs.uk"));
        var (_, email) = await app.CreatePersonAsync();
        using var home = await browser.RawGetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("max-age=31536000", string.Join(",", home.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        await browser.SignInAsync(email, WebAppFixture.Password);
        Assert.NotEmpty(browser.SetCookieLines);
        Assert.All(browser.SetCookieLines, line => Assert.Contains("; secure", line, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(browser.SetCookieLines, line => line.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/Account/ForgotPassword");
        forged.Headers.Host = "evil.example";
        using var refused = await browser.SendAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private async Task<IdentityResult> CreateAsync(string email, string name, string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, FullName = name, EmailConfirmed = true }, password);
    }

    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new(options);
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>Sets the connection's remote address from a test header, before anything else runs.</summary>
    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public const string PeerHeader = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use(async (context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                await nextMiddleware();
            });
            next(builder);
        };
    }
}
