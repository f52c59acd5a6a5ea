using System.Text.RegularExpressions;

namespace IaptLearning.Content.Markdown.Extensions.Links;

public enum LinkKind
{
    Empty,

    /// <summary><c>http:</c> or <c>https:</c>.</summary>
    Web,

    Email,

    /// <summary>A path inside the module (<c>02-lesson.md</c>, <c>media/x.png</c>).</summary>
    Relative,

    /// <summary>An anchor on the same page (<c>#heading</c>).</summary>
    Fragment,

    /// <summary><c>//host/...</c>: ambiguous, written out in full instead.</summary>
    ProtocolRelative,

    /// <summary>Any other scheme: <c>javascript:</c>, <c>data:</c>, <c>file:</c>, <c>C:\</c>...</summary>
    Unsafe,
}

/// <summary>Which link addresses content may use: http, https, mailto and paths inside the module.</summary>
public static partial class LinkPolicy
{
    public static LinkKind Classify(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return LinkKind.Empty;
        }

        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so we do too.
        var compact = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        if (compact.StartsWith("//", StringComparison.Ordinal) || compact.StartsWith(@"\\", StringComparison.Ordinal)
            || compact.StartsWith(@"/\", StringComparison.Ordinal) || compact.StartsWith(@"\/", StringComparison.Ordinal))
        {
            return LinkKind.ProtocolRelative;
        }

        var scheme = SchemePattern().Match(compact);
        if (!scheme.Success)
        {
            return compact.StartsWith('#') ? LinkKind.Fragment : LinkKind.Relative;
        }

        return scheme.Groups[1].Value.ToLowerInvariant() switch
        {
            "http" or "https" => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
                ? LinkKind.Web
                : LinkKind.Unsafe,
            "mailto" => LinkKind.Email,
            _ => LinkKind.Unsafe,
        };
    }

    /// <summary>True for addresses the renderer may write into an href or src as they are.</summary>
    public static bool IsSafeToRender(string? url, bool isImage)
    {
        var kind = Classify(url);
        return kind is LinkKind.Web or LinkKind.Fragment or LinkKind.Relative || (kind == LinkKind.Email && !isImage);
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*):", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
