using System.Collections.Immutable;
using IaptLearning.Content.Model;

namespace IaptLearning.Web.Features.Catalog;

/// <summary>The modules the site serves: the published modules of the content folder that loaded without errors.</summary>
public sealed class ModuleLibrary(IEnumerable<ContentModule> modules, IEnumerable<string>? problems = null)
{
    private readonly ImmutableArray<ContentModule> _published =
        [.. modules.Where(m => m.Status == ModuleStatus.Published).OrderBy(m => m.Title, StringComparer.CurrentCulture)];

    public ImmutableArray<ContentModule> Published => _published;

    /// <summary>Content problems, formatted for authors and logs.</summary>
    public ImmutableArray<string> Problems { get; } = [.. problems ?? []];

    public ContentModule? Find(string? slug) =>
        slug is null ? null : _published.FirstOrDefault(m => string.Equals(m.Slug, slug, StringComparison.Ordinal));
}
