using IaptLearning.Content;
using IaptLearning.Content.Model;

namespace IaptLearning.Web.Tests;

/// <summary>The repository's own content folder, for tests that measure what learners are given.</summary>
internal static class ShippedContent
{
    public static IEnumerable<ContentModule> PublishedModules()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IaptLearning.sln")))
        {
            dir = dir.Parent;
        }

        return new ContentLoader().Load(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), "content")).PublishedModules;
    }
}
