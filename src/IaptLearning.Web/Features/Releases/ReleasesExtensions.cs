using IaptLearning.Web.Data;

namespace IaptLearning.Web.Features.Releases;

public static class ReleasesExtensions
{
    /// <summary>
    /// Learners are served releases from the database (see <see cref="ReleaseLibrary"/>);
    /// <c>Content:AutoPublish</c> (default: on in Development only), <c>Content:ReleasePollSeconds</c>
    /// (default 2) and <c>Content:ReleasesPath</c> (default <c>{Storage:DataPath}/releases</c>).
    /// Register after the database, so migrations run before the first release is taken.
    /// </summary>
    public static IHostApplicationBuilder AddReleases(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var seconds = builder.Configuration.GetValue("Content:ReleasePollSeconds", 2.0);
        if (seconds is < 0.1 or > 3600)
        {
            throw new InvalidOperationException($"Content:ReleasePollSeconds is {seconds}: give a number of seconds from 0.1 to 3600.");
        }

        builder.Services.AddSingleton(new ReleaseOptions
        {
            AutoPublish = builder.Configuration.GetValue("Content:AutoPublish", builder.Environment.IsDevelopment()),
            FirstRelease = builder.Configuration.GetValue("Content:FirstRelease", true),
            PollInterval = TimeSpan.FromSeconds(seconds),
        });
        var path = builder.Configuration["Content:ReleasesPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, configured))
            : Path.Combine(StoragePaths.DataPath(builder), "releases");
        builder.Services.AddSingleton(new ReleaseStorage(path));
        builder.Services.AddSingleton<ReleaseLibrary>();
        builder.Services.AddSingleton<ReleasePublisher>();
        builder.Services.AddHostedService<ReleaseSync>();
        return builder;
    }
}
