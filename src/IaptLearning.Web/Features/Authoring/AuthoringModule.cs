using System.Collections.Immutable;
using IaptLearning.Content;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Releases;

namespace IaptLearning.Web.Features.Authoring;

/// <summary>
/// A module as an author sees it: what the folder (the working copy) holds now, problems included;
/// the version previewed, which is the folder's last good one while it has errors; and the release
/// learners are served, which only publishing changes.
/// </summary>
public sealed record AuthoringModule(
    string Slug,
    ModuleEntry? Entry,
    ContentModule? Preview,
    ServedRelease? Release,
    DateTime? LastChangeUtc,
    ImmutableArray<ContentDiagnostic> Problems)
{
    public bool HasErrors => Entry?.HasErrors ?? false;

    /// <summary>True when the folder has errors and the preview shows the folder's last version without errors.</summary>
    public bool PreviewingLastGood => HasErrors && Preview is not null;

    /// <summary>The folder loads, and its files differ from the release learners get.</summary>
    public bool HasUnpublishedChanges => Entry?.Module is { } folder && folder.ContentHash != Release?.ContentHash;

    public string Title => Preview?.Title ?? Release?.Module.Title ?? Slug;

    public static IReadOnlyList<AuthoringModule> All(ContentState state, ImmutableDictionary<string, ServedRelease> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        return [.. (state?.Catalog?.Entries.Select(e => e.Slug) ?? []).Union(state?.LastGood.Keys ?? [], StringComparer.Ordinal).Union(releases.Keys, StringComparer.Ordinal)
            .Select(slug => Find(state!, releases, slug)!)
            .OrderByDescending(m => m.LastChangeUtc ?? DateTime.MinValue)
            .ThenBy(m => m.Slug, StringComparer.Ordinal)];
    }

    public static AuthoringModule? Find(ContentState state, ImmutableDictionary<string, ServedRelease> releases, string slug)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(releases);
        var entry = state.Catalog?.FindEntry(slug);
        var preview = state.LastGood.GetValueOrDefault(slug);
        var release = releases.GetValueOrDefault(slug);
        if (entry is null && preview is null && release is null)
        {
            return null;
        }

        var folder = entry?.FolderPath ?? preview?.FolderPath;
        return new AuthoringModule(slug, entry, preview, release, folder is null ? null : LastChange(folder), entry?.Diagnostics ?? []);
    }

    /// <summary>The newest modification time of any file in the folder, or null when it has gone.</summary>
    private static DateTime? LastChange(string folder)
    {
        try
        {
            var dir = new DirectoryInfo(folder);
            if (!dir.Exists)
            {
                return null;
            }

            var times = dir.EnumerateFiles("*", SearchOption.AllDirectories).Select(f => f.LastWriteTimeUtc).ToList();
            return times.Count == 0 ? dir.LastWriteTimeUtc : times.Max();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
