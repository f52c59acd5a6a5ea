using System.Collections.Immutable;
using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Releases;

namespace IaptLearning.Web.Features.Catalog;

/// <summary>
/// The modules learners are served: the current release of each module, read from
/// <see cref="ReleaseLibrary"/> on every call, so a new release shows at the next page. Nothing
/// in the content folder (the authors' working copy) reaches learners except by a release.
/// </summary>
public sealed class ModuleLibrary(ReleaseLibrary releases)
{
    public ImmutableArray<ContentModule> Published =>
        [.. releases.Current.Values.Select(r => r.Module).Where(m => m.Status == ModuleStatus.Published).OrderBy(m => m.Title, StringComparer.CurrentCulture)];

    public ContentModule? Find(string? slug) =>
        slug is not null && releases.Current.TryGetValue(slug, out var release) && release.Module.Status == ModuleStatus.Published ? release.Module : null;

    /// <summary>The release with these files, for an attempt that started on it; else the current release.</summary>
    public async Task<ContentModule?> FindStartedOnAsync(string slug, string contentHash, CancellationToken cancellationToken = default) =>
        await releases.FindAsync(slug, contentHash, cancellationToken) ?? Find(slug);
}
