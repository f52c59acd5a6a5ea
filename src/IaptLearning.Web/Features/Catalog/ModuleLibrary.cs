using System.Collections.Immutable;
using IaptLearning.Content.Model;

namespace IaptLearning.Web.Features.Catalog;

/// <summary>
/// The modules learners are served, read from <see cref="ContentService"/> on every call so that a
/// reload shows at the next page: the last good version of every published module.
/// </summary>
public sealed class ModuleLibrary(ContentService content)
{
    public ImmutableArray<ContentModule> Published =>
        [.. content.State.LastGood.Values.Where(m => m.Status == ModuleStatus.Published).OrderBy(m => m.Title, StringComparer.CurrentCulture)];

    /// <summary>Content problems, formatted for authors and logs.</summary>
    public ImmutableArray<string> Problems
    {
        get
        {
            var state = content.State;
            return [.. state.Problems, .. state.Catalog?.Diagnostics.Select(d => d.Format(content.RootPath)) ?? []];
        }
    }

    public ContentModule? Find(string? slug) =>
        slug is not null && content.State.LastGood.TryGetValue(slug, out var module) && module.Status == ModuleStatus.Published ? module : null;
}
