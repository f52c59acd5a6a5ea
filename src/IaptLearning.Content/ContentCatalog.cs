using System.Collections.Immutable;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Loading;
using IaptLearning.Content.Model;

namespace IaptLearning.Content;

/// <summary>
/// What a content folder held when it was read. Immutable: a reload makes a new catalogue and
/// shares everything that did not change.
/// </summary>
public sealed class ContentCatalog
{
    internal ContentCatalog(string rootPath, ImmutableArray<ModuleEntry> entries, ImmutableArray<ContentDiagnostic> rootDiagnostics)
    {
        RootPath = rootPath;
        Entries = entries;
        RootDiagnostics = rootDiagnostics;
        Diagnostics = [.. rootDiagnostics, .. entries.SelectMany(e => e.Diagnostics)];
    }

    public string RootPath { get; }

    /// <summary>Every module folder, broken ones included, ordered by slug.</summary>
    public ImmutableArray<ModuleEntry> Entries { get; }

    /// <summary>Problems that belong to no module folder.</summary>
    public ImmutableArray<ContentDiagnostic> RootDiagnostics { get; }

    /// <summary>Every problem in the catalogue.</summary>
    public ImmutableArray<ContentDiagnostic> Diagnostics { get; }

    /// <summary>Modules with no error, drafts included.</summary>
    public IEnumerable<ContentModule> Modules => Entries.Where(e => e.Module is not null).Select(e => e.Module!);

    public IEnumerable<ContentModule> PublishedModules => Modules.Where(m => m.Status == ModuleStatus.Published);

    public ContentModule? FindModule(string slug) => FindEntry(slug)?.Module;

    public ModuleEntry? FindEntry(string slug) =>
        Entries.FirstOrDefault(e => string.Equals(e.Slug, slug, StringComparison.Ordinal));

    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}

/// <summary>
/// One module folder as read. <see cref="Module"/> is null when the folder has any error: a
/// module with errors is never served.
/// </summary>
public sealed class ModuleEntry
{
    internal ModuleEntry(string slug, string folderPath, ContentModule? module, ImmutableArray<ContentDiagnostic> diagnostics, ModuleSnapshot snapshot)
    {
        Slug = slug;
        FolderPath = folderPath;
        Module = module;
        Diagnostics = diagnostics;
        Snapshot = snapshot;
    }

    public string Slug { get; }
    public string FolderPath { get; }
    public ContentModule? Module { get; }
    public ImmutableArray<ContentDiagnostic> Diagnostics { get; }
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// Every file the module's content hash covers, as paths relative to the module folder with
    /// forward slashes ("01-intro.md", "media/x.png"), ordered: what a release must store so the
    /// same files give the same module and the same hash.
    /// </summary>
    public ImmutableArray<string> Files => [.. Snapshot.Stamps.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Per-file parse results, kept so a reload re-parses only files whose bytes changed.</summary>
    internal ModuleSnapshot Snapshot { get; }
}
