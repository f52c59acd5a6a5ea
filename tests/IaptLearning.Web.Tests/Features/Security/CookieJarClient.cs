using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IaptLearning.Web.Tests.Features.Security;

/// <summary>
/// A client that keeps its cookies where the test can read and copy them: to replay a sign-in
/// cookie after sign-out, or to send requests with headers a browser would not let a page set.
/// </summary>
public sealed class CookieJarClient
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public CookieJarClient(WebApplicationFactory<Program> app, Uri? baseAddress = null)
    {
        _client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = baseAddress ?? new Uri("http://localhost"),
        });
    }

    /// <summary>Every Set-Cookie line seen, as sent (for checking attributes such as <c>secure</c>).</summary>
    public List<string> SetCookieLines { get; } = [];

    public string? Cookie(string name) => _cookies.GetValueOrDefault(name);

    public void SetCookie(string name, string value) => _cookies[name] = value;

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var lines))
        {
            foreach (var line in lines)
            {
                SetCookieLines.Add(line);
                var pair = line.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = pair[..equals].Trim();
                var value = pair[(equals + 1)..].Trim();
                var expired = line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (expired || value.Length == 0)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    public async Task<HttpResponseMessage> RawGetAsync(string address) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, address));

    /// <summary>The page's HTML; fails unless it answered 200.</summary>
    public async Task<string> GetAsync(string address)
    {
        using var response = await RawGetAsync(address);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {address} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<HttpResponseMessage> PostAsync(string address, Dictionary<string, string> form) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, address) { Content = new FormUrlEncodedContent(form) });

    /// <summary>
    /// Opens a Blazor form page and posts its form as a browser would: the page's antiforgery token, the form's
    /// name (<paramref name="handler"/>) and the given fields.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string address, string handler, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = await GetAsync(address);
        fields["__RequestVerificationToken"] = WebAppFixture.AntiforgeryToken(form);
        fields["_handler"] = handler;
        return await PostAsync(address, fields);
    }

    /// <summary>Signs in through the same form as <see cref="WebAppFixture.SignInAsync"/>, keeping the cookies here.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var form = await GetAsync("/Account/Login");
        using var response = await PostAsync("/Account/Login", WebAppFixture.SignInForm(form, email, password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(Cookie(".AspNetCore.Identity.Application"));
    }
}
