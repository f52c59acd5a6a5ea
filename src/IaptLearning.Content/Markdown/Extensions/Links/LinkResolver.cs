using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Loading;
using IaptLearning.Content.Markdown.Rendering;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IaptLearning.Content.Markdown.Extensions.Links;

/// <summary>A link to a heading in another file, checked once every file of the module is parsed.</summary>
internal sealed record AnchorReference(string TargetFile, string Fragment, int Line, int Column);

/// <summary>
/// Checks every link and image in a parsed file against <see cref="LinkPolicy"/> and the module's
/// files, reports problems on their lines, and rewrites in-module links to the addresses in
/// <see cref="ContentAddresses"/>. A link that may not be followed is replaced by its text.
/// </summary>
internal static class LinkResolver
{
    public static List<AnchorReference> Resolve(MarkdownDocument document, string fileInModule, ModuleContext module, DiagnosticBag bag)
    {
        var anchors = new List<AnchorReference>();
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            Check(link, fileInModule, module, bag, anchors);
        }

        foreach (var auto in document.Descendants<AutolinkInline>().ToList())
        {
            var url = auto.IsEmail ? "mailto:" + auto.Url : auto.Url;
            var kind = LinkPolicy.Classify(url);
            if (kind is not (LinkKind.Web or LinkKind.Email))
            {
                bag.Error(DiagnosticCodes.UnsafeLink, auto.Line + 1, auto.Column + 1,
                    $"link to '{DiagnosticText.Shorten(auto.Url, 60)}' is not allowed: use an https:// or mailto: address, or a file in this module");
                auto.ReplaceBy(new LiteralInline(auto.Url), copyChildren: false);
            }
        }

        return anchors;
    }

    private static void Check(LinkInline link, string file, ModuleContext module, DiagnosticBag bag, List<AnchorReference> anchors)
    {
        var line = link.Line + 1;
        var column = link.Column + 1;
        var what = link.IsImage ? "image" : "link";
        var url = link.Url?.Trim() ?? "";

        if (link.IsImage && string.IsNullOrWhiteSpace(PlainText.Of(link)))
        {
            bag.Error(DiagnosticCodes.ImageWithoutAltText, line, column,
                "image has no alt text: describe it between the square brackets, ![like this](media/picture.png)");
        }

        switch (LinkPolicy.Classify(url))
        {
            case LinkKind.Empty:
                bag.Error(DiagnosticCodes.BrokenLink, line, column, $"{what} has no address: put one between the round brackets");
                Unwrap(link);
                return;
            case LinkKind.Web:
                if (link.IsImage)
                {
                    bag.Warning(DiagnosticCodes.ExternalImage, line, column,
                        "image is loaded from another website, which NHS networks may block and which learns who views it; save it in media/ and link to that");
                }

                return;
            case LinkKind.Email when !link.IsImage:
                return;
            case LinkKind.Fragment:
                anchors.Add(new AnchorReference(file, Uri.UnescapeDataString(url[1..]), line, column));
                return;
            case LinkKind.ProtocolRelative:
                bag.Error(DiagnosticCodes.UnsafeLink, line, column, $"{what} address '{DiagnosticText.Shorten(url, 60)}' must be written in full, starting https://");
                Unwrap(link);
                return;
            case LinkKind.Relative:
                ResolveRelative(link, url, file, module, bag, anchors);
                return;
            default:
                bag.Error(DiagnosticCodes.UnsafeLink, line, column,
                    $"{what} to '{DiagnosticText.Shorten(url, 60)}' is not allowed: only http://, https://, mailto: and files in this module can be linked");
                Unwrap(link);
                return;
        }
    }

    private static void ResolveRelative(LinkInline link, string url, string file, ModuleContext module, DiagnosticBag bag, List<AnchorReference> anchors)
    {
        var line = link.Line + 1;
        var column = link.Column + 1;
        var what = link.IsImage ? "image" : "link";

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url[(hash + 1)..] : null;
        var pathPart = hash >= 0 ? url[..hash] : url;
        var query = pathPart.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            pathPart = pathPart[..query];
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(pathPart);
        }
        catch (UriFormatException)
        {
            decoded = pathPart;
        }

        var target = Normalise(file, decoded.Replace('\\', '/'));
        if (target is null)
        {
            bag.Error(DiagnosticCodes.LinkOutsideModule, line, column,
                $"{what} '{DiagnosticText.Shorten(url, 60)}' points outside this module's folder; link only to files inside it");
            Unwrap(link);
            return;
        }

        if (!module.Files.Contains(target))
        {
            var differentCase = module.Files.FirstOrDefault(f => string.Equals(f, target, StringComparison.OrdinalIgnoreCase));
            var hint = differentCase is not null ? $"; did you mean '{differentCase}'? (names are case-sensitive)" : "";
            if (link.IsImage)
            {
                bag.Error(DiagnosticCodes.MissingImage, line, column, $"image file '{target}' does not exist in this module{hint}");
            }
            else
            {
                var kind = target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "lesson" : "file";
                bag.Error(DiagnosticCodes.BrokenLink, line, column, $"link to {kind} '{target}', which does not exist in this module{hint}");
            }

            Unwrap(link);
            return;
        }

        if (target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            if (link.IsImage)
            {
                bag.Error(DiagnosticCodes.MissingImage, line, column, $"'{target}' is a Markdown file, not an image");
                Unwrap(link);
                return;
            }

            string? address = target switch
            {
                "module.md" => ContentAddresses.Module(module.Slug),
                "assessment.md" => ContentAddresses.Assessment(module.Slug),
                _ when module.LessonSlugByFile.TryGetValue(target, out var lessonSlug) => ContentAddresses.Lesson(module.Slug, lessonSlug),
                _ => null,
            };
            if (address is null)
            {
                bag.Error(DiagnosticCodes.BrokenLink, line, column, $"link to '{target}', which is not a lesson of this module");
                Unwrap(link);
                return;
            }

            if (!string.IsNullOrEmpty(fragment))
            {
                anchors.Add(new AnchorReference(target, Uri.UnescapeDataString(fragment), line, column));
            }

            link.Url = ContentAddresses.WithFragment(address, fragment);
            return;
        }

        if (!target.StartsWith("media/", StringComparison.Ordinal))
        {
            bag.Error(DiagnosticCodes.FileOutsideMedia, line, column,
                $"'{target}' must be in the module's media/ folder to be shown to learners; move it to media/ and change the {what}");
            Unwrap(link);
            return;
        }

        if (MediaTypes.ContentType(target) is null)
        {
            bag.Error(DiagnosticCodes.MediaTypeNotServed, line, column, DiagnosticText.MediaTypeNotServed(target));
            Unwrap(link);
            return;
        }

        link.Url = ContentAddresses.WithFragment(ContentAddresses.Media(module.Slug, target), fragment);
    }

    /// <summary>Resolves <paramref name="relative"/> against the folder of <paramref name="file"/>; null if it leaves the module.</summary>
    internal static string? Normalise(string file, string relative)
    {
        var parts = new List<string>(file.Split('/')[..^1]);
        if (relative.StartsWith('/'))
        {
            return null;
        }

        foreach (var segment in relative.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    continue;
                default:
                    parts.Add(segment);
                    break;
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(PlainText.Of(link)), copyChildren: false);
            return;
        }

        var parent = link.Parent;
        if (parent is null)
        {
            return;
        }

        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }

}
