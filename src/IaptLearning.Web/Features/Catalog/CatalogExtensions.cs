namespace IaptLearning.Web.Features.Catalog;

public static class CatalogExtensions
{
    /// <summary>
    /// Serves <c>Content:Path</c> (relative to the content root), read at start-up and again when
    /// files change (<c>Content:Watch</c>, on unless set to false).
    /// </summary>
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Content:Path"] ?? "content"));
        builder.Services.AddSingleton<ModuleProgressReader>();
        builder.Services.AddSingleton<AssignedModulesReader>();
        builder.Services.AddSingleton(services => new ContentService(
            path, services.GetRequiredService<ILogger<ContentService>>(), services.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton<ModuleLibrary>();
        builder.Services.AddScoped<LessonVersionsSeen>();
        if (builder.Configuration.GetValue("Content:Watch", true))
        {
            builder.Services.AddHostedService<ContentWatcher>();
        }

        return builder;
    }
}
