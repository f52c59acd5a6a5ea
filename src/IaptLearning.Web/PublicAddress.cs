using Microsoft.AspNetCore.WebUtilities;

namespace IaptLearning.Web;

/// <summary>
/// The site's public address (<c>Site:PublicBaseUrl</c>), the one source of every absolute link
/// the site hands out: the links in emails (password reset, email confirmation, invitation) and
/// the verification address printed on certificates. Never taken from the request: a request's
/// <c>Host</c> header is whatever the sender typed, so a reset link built from it can point a
/// genuine token at an attacker's site.
/// </summary>
public sealed class PublicAddress
{
    public const string Key = "Site:PublicBaseUrl";

    /// <summary>The key earlier releases used; still read when <see cref="Key"/> is not set.</summary>
    public const string LegacyKey = "Certificates:PublicBaseUrl";

    public const string DefaultBaseUrl = "http://localhost:5147/";

    public PublicAddress(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!IsUsable(baseUrl))
        {
            throw new InvalidOperationException($"{Key} must be an absolute http or https address with no query or fragment, like https://learning.example.nhs.uk/; it is '{baseUrl.OriginalString}'.");
        }

        // Always ending in a slash, so relative paths land under it rather than replacing its last segment.
        BaseUrl = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
    }

    /// <summary>The address ending in a slash, for example <c>https://learning.example.nhs.uk/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The host learners reach the site by, for <c>AllowedHosts</c>.</summary>
    public string Host => BaseUrl.Host;

    /// <summary>The scheme, host and port, as a browser sends it in <c>Origin</c>.</summary>
    public string Origin => BaseUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>Registers the address once, read from configuration (start-up fails on a bad value).</summary>
    public static PublicAddress AddTo(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.FirstOrDefault(s => s.ServiceType == typeof(PublicAddress))?.ImplementationInstance is PublicAddress registered)
        {
            return registered;
        }

        var address = FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(address);
        return address;
    }

    public static PublicAddress FromConfiguration(IConfiguration configuration)
    {
        var configured = ConfiguredValue(configuration);
        return TryParse(configured, out var address)
            ? address
            : throw new InvalidOperationException($"{Key} must be an absolute http or https address with no query or fragment, like https://learning.example.nhs.uk/; it is '{configured}'.");
    }

    /// <summary>The address as configured: <see cref="Key"/>, else <see cref="LegacyKey"/>, else <see cref="DefaultBaseUrl"/>.</summary>
    public static string ConfiguredValue(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration[LegacyKey];
        }

        return string.IsNullOrWhiteSpace(configured) ? DefaultBaseUrl : configured.Trim();
    }

    /// <summary>False for anything but an absolute http or https address with no query or fragment.</summary>
    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicAddress? address)
    {
        address = Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && IsUsable(uri) ? new PublicAddress(uri) : null;
        return address is not null;
    }

    private static bool IsUsable(Uri uri) =>
        uri.IsAbsoluteUri && uri.Scheme is ("http" or "https") && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    /// <summary>An absolute link to <paramref name="relativePath"/> (no leading slash) with the query values given.</summary>
    public Uri Link(string relativePath, IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.TrimStart('/');
        if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith('\\'))
        {
            throw new ArgumentException("Give a path within the site, not an address.", nameof(relativePath));
        }

        var absolute = new Uri(BaseUrl, path).AbsoluteUri;
        return new Uri(query is null ? absolute : QueryHelpers.AddQueryString(absolute, query));
    }
}
