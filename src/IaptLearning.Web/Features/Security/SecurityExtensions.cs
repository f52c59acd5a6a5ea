using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Features.Security;

/// <summary>
/// What every request passes through: the public address, the proxy in front, host filtering,
/// secure cookies, response headers with the Content-Security-Policy, the origin check on the
/// Blazor hub and the per-client limits on the account forms. See docs/reliability.md.
/// </summary>
public static class SecurityExtensions
{
    public const string NonceKey = "csp-nonce";

    /// <summary>Posts per client address per minute to the account forms (<c>Accounts:FormPostsPerMinute</c>).</summary>
    public const int DefaultFormPostsPerMinute = 10;

    /// <summary>Requests per client address per minute to <c>/verify</c> (<c>Certificates:VerifyPermitsPerMinute</c>).</summary>
    public const int DefaultVerifyPermitsPerMinute = 30;

    /// <summary>The account forms an attacker posts to in bulk: sign-in, registration, forgotten password.</summary>
    private static readonly string[] LimitedForms = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation"];

    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var publicAddress = PublicAddress.AddTo(builder);

        // Behind a TLS proxy the app sees http from the proxy's address: trust X-Forwarded-For and
        // -Proto only from the proxies named in configuration (loopback by default).
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // In Production a wildcard AllowedHosts would accept any Host header: narrow it to the public address.
        if (builder.Environment.IsProduction())
        {
            services.PostConfigure<HostFilteringOptions>(options =>
            {
                if (options.AllowedHosts.Count == 0 || options.AllowedHosts.Contains("*"))
                {
                    options.AllowedHosts = [publicAddress.Host];
                }
            });
        }

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        // Secure on every cookie, whatever scheme reached the app (a TLS proxy may speak http to
        // it), except in Development and the plain-http test host; Security:SecureCookies overrides.
        var secureByDefault = !builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing");
        var secure = builder.Configuration.GetValue("Security:SecureCookies", secureByDefault)
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
        // The cookie policy (UseSecurity runs it first) marks every cookie the app writes: the
        // sign-in, two-factor and external sign-in cookies and antiforgery's alike.
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = secure;
            options.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.None;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        // Antiforgery also refuses to issue a token over plain http when its cookie must be Secure.
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = secure);
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);

        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        }

        var formPermits = builder.Configuration.GetValue("Accounts:FormPostsPerMinute", DefaultFormPostsPerMinute);
        var verifyPermits = builder.Configuration.GetValue("Certificates:VerifyPermitsPerMinute", DefaultVerifyPermitsPerMinute);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address (the proxy's forwarded one where a known proxy sits in front):
            // the public verification page, where a stranger can try codes, and the account forms'
            // posts, against password spraying and mass registration. Reading pages is not limited.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (context.Request.Path.StartsWithSegments("/verify", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("verify " + client, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = verifyPermits,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
                }

                return HttpMethods.IsPost(context.Request.Method) && IsLimitedAccountForm(context.Request.Path)
                    ? RateLimitPartition.GetSlidingWindowLimiter("accounts " + client, _ => new SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = formPermits,
                        Window = TimeSpan.FromMinutes(1),
                        SegmentsPerWindow = 6,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("unlimited");
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
                response.ContentType = "text/plain; charset=utf-8";
                // A body, so the status code pages do not replace this with "Page not found".
                var message = context.HttpContext.Request.Path.StartsWithSegments("/verify", StringComparison.OrdinalIgnoreCase)
                    ? "Too many verification requests. Try again in a minute."
                    : "Too many attempts from your network in a short time. Wait a minute, then try again.";
                await response.WriteAsync(message, cancellationToken);
            };
        });
        return builder;
    }

    /// <summary>Before everything else in the pipeline, so the headers are on error and status pages too.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseHostFiltering();
        app.UseCookiePolicy();
        app.UseRateLimiter();
        var publicAddress = app.Services.GetRequiredService<PublicAddress>();
        app.Use(async (context, next) =>
        {
            // Cross-site WebSocket hijacking: a page elsewhere may open our hub with the learner's cookie.
            if (context.Request.Path.StartsWithSegments("/_blazor") && !IsSameOrigin(context, publicAddress))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            // Hex, so the nonce needs no HTML escaping in the page (a "+" would be written &#x2B;).
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                }

                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }

    /// <summary>
    /// Blazor's CSP guidance (the NHS.UK stylesheet takes its Frutiger fonts from assets.nhs.uk): scripts only from the site or carrying this response's nonce (the
    /// import map and the start-up line), no plugins, no framing. <c>base-uri 'self'</c> rather
    /// than ASVS's <c>'none'</c> because Blazor needs its <c>&lt;base href&gt;</c>.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self'; "
        + "img-src 'self' data:; "
        + "font-src 'self' https://assets.nhs.uk; "
        + "connect-src 'self'; "
        + "media-src 'self'; "
        + "object-src 'none'; "
        + "frame-src 'none'; "
        + "frame-ancestors 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'";

    /// <summary>The policy's nonce for this response, for the few inline scripts the layout must have.</summary>
    public static string CspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string ?? "";
    }

    /// <summary>Requests with an <c>Origin</c> must come from the site itself (its public address or the host asked for).</summary>
    private static bool IsSameOrigin(HttpContext context, PublicAddress publicAddress)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            // Not a browser's cross-origin request (browsers always send Origin on WebSockets).
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, publicAddress.Origin, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The account pages' posts are limited per client address; GETs are not.</summary>
    public static bool IsLimitedAccountForm(PathString path) =>
        LimitedForms.Any(form => path.Equals(form, StringComparison.OrdinalIgnoreCase));

    internal static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
