using IaptLearning.Content;
using IaptLearning.Content.Model;

namespace IaptLearning.Web.Tests;

/// <summary>The repository's own content folder, for tests that measure what learners are given.</summary>
internal static class ShippedContent
{
    public static IEnumerable<ContentModule> PublishedModules() => new ContentLoader().Load(FolderPath()).PublishedModules;

    /// <summary>The repository's <c>content/</c> folder, found above the test binaries.</summary>
    public static string FolderPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IaptLearning.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), "content");
    }
}
