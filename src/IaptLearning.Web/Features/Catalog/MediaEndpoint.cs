using Microsoft.AspNetCore.StaticFiles;

namespace IaptLearning.Web.Features.Catalog;

public static class MediaEndpoint
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Serves a module's media files at <c>ContentAddresses.Media</c>; only files the loader listed.</summary>
    public static IEndpointRouteBuilder MapModuleMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/modules/{slug}/media/{**path}", (string slug, string path, ModuleLibrary library) =>
        {
            var module = library.Find(slug);
            var relative = "media/" + path;
            if (module is null || !module.MediaFiles.Contains(relative))
            {
                return Results.NotFound();
            }

            var file = Path.Combine(module.FolderPath, relative);
            if (!File.Exists(file))
            {
                // Deleted since the last good version was read.
                return Results.NotFound();
            }

            var type = ContentTypes.TryGetContentType(file, out var t) ? t : "application/octet-stream";
            return Results.File(file, type, enableRangeProcessing: true);
        });
        return endpoints;
    }
}
