using IaptLearning.Content;

namespace IaptLearning.Web.Features.Catalog;

public static class CatalogExtensions
{
    /// <summary>Loads <c>Content:Path</c> (relative to the content root) once at start-up.</summary>
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Content:Path"] ?? "content"));
        builder.Services.AddSingleton<ModuleProgressReader>();
        builder.Services.AddSingleton(services => Load(path, services.GetRequiredService<ILogger<ModuleLibrary>>()));
        return builder;
    }

    private static ModuleLibrary Load(string path, ILogger logger)
    {
        try
        {
            var catalog = new ContentLoader().Load(path);
            var problems = catalog.Diagnostics.Select(d => d.Format(path)).ToList();
            foreach (var problem in problems)
            {
                logger.LogWarning("Content: {Problem}", problem);
            }

            var library = new ModuleLibrary(catalog.PublishedModules, problems);
            logger.LogInformation("Serving {Count} modules from {Path}.", library.Published.Length, path);
            return library;
        }
        catch (ContentFolderException ex)
        {
            // The site still starts, with an empty catalogue, so the problem can be seen and fixed.
            logger.LogError(ex, "Cannot read the content folder {Path}.", path);
            return new ModuleLibrary([], [ex.Message]);
        }
    }
}
