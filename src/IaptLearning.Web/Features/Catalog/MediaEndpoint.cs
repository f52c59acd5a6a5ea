using IaptLearning.Content;

namespace IaptLearning.Web.Features.Catalog;

public static class MediaEndpoint
{
    /// <summary>
    /// Serves a module's media files at <c>ContentAddresses.Media</c>: only files the loader listed,
    /// only types on <see cref="MediaTypes"/>'s allow-list (others are 404, and the validator says
    /// so as IAPT041). SVG and PDF, which can hold script, come sandboxed and as downloads, so
    /// opening one never runs script in the site's origin.
    /// </summary>
    public static IEndpointRouteBuilder MapModuleMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/modules/{slug}/media/{**path}", (string slug, string path, ModuleLibrary library, HttpContext context) =>
        {
            var module = library.Find(slug);
            var relative = "media/" + path;
            // A type off the allow-list is never served, so it is refused before the disk is read.
            if (module is null || !module.MediaFiles.Contains(relative) || MediaTypes.ContentType(relative) is not { } type)
            {
                return Results.NotFound();
            }

            var file = Path.Combine(module.FolderPath, relative);
            if (!File.Exists(file))
            {
                // Deleted since the last good version was read.
                return Results.NotFound();
            }

            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (MediaTypes.IsActive(relative))
            {
                // A sandboxed document runs no script and has no origin, even if opened directly.
                headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";
                return Results.File(file, type, fileDownloadName: Path.GetFileName(file), enableRangeProcessing: true);
            }

            return Results.File(file, type, enableRangeProcessing: true);
        });
        return endpoints;
    }
}
