using System.Collections.Immutable;
using IaptLearning.Content;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Catalog;

namespace IaptLearning.Web.Features.Authoring;

/// <summary>
/// A module as an author sees it: what the folder holds now (problems included) and the version
/// learners are served, which is the last good one while the folder has errors.
/// </summary>
public sealed record AuthoringModule(
    string Slug,
    ModuleEntry? Entry,
    ContentModule? Served,
    DateTime? LastChangeUtc,
    ImmutableArray<ContentDiagnostic> Problems)
{
    public bool HasErrors => Entry?.HasErrors ?? false;

    /// <summary>True when the folder has errors and learners are kept on an earlier version.</summary>
    public bool ServingLastGood => HasErrors && Served is not null;

    public string Title => Served?.Title ?? Slug;

    public static IReadOnlyList<AuthoringModule> All(ContentState state) =>
        [.. (state.Catalog?.Entries.Select(e => e.Slug) ?? []).Union(state.LastGood.Keys, StringComparer.Ordinal)
            .Select(slug => Find(state, slug)!)
            .OrderByDescending(m => m.LastChangeUtc ?? DateTime.MinValue)
            .ThenBy(m => m.Slug, StringComparer.Ordinal)];

    public static AuthoringModule? Find(ContentState state, string slug)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entry = state.Catalog?.FindEntry(slug);
        var served = state.LastGood.GetValueOrDefault(slug);
        if (entry is null && served is null)
        {
            return null;
        }

        var folder = entry?.FolderPath ?? served!.FolderPath;
        return new AuthoringModule(slug, entry, served, LastChange(folder), entry?.Diagnostics ?? []);
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
