using System.Collections.Immutable;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Loading;

namespace IaptLearning.Content;

/// <summary>
/// Reads a content folder (one sub-folder per module, see docs/authoring.md) into a
/// <see cref="ContentCatalog"/>. Problems in files become diagnostics; only a content folder that
/// cannot be read at all throws (<see cref="ContentFolderException"/>). Thread-safe.
/// </summary>
public sealed class ContentLoader(ContentLoaderOptions? options = null)
{
    private readonly ContentLoaderOptions _options = options ?? new ContentLoaderOptions();

    public ContentCatalog Load(string rootPath) => Build(rootPath, previous: null, affected: null);

    /// <summary>
    /// Rebuilds the catalogue after files changed. Modules with no changed path are reused as they
    /// are; in a changed module only files whose bytes changed are parsed again.
    /// </summary>
    public ContentCatalog Reload(ContentCatalog previous, IEnumerable<string> changedPaths)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(changedPaths);
        var root = Path.GetFullPath(previous.RootPath);
        var affected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var changed in changedPaths)
        {
            var relative = Path.GetRelativePath(root, Path.GetFullPath(changed, root));
            if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                continue;
            }

            affected.Add(relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0]);
        }

        return Build(previous.RootPath, previous, affected);
    }

    private ContentCatalog Build(string rootPath, ContentCatalog? previous, HashSet<string>? affected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        string[] folders;
        try
        {
            if (!Directory.Exists(rootPath))
            {
                throw new ContentFolderException(File.Exists(rootPath)
                    ? $"'{rootPath}' is a file, not a content folder"
                    : $"content folder '{rootPath}' does not exist");
            }

            folders = [.. Directory.EnumerateDirectories(rootPath)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => !name.StartsWith('.'))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (DiagnosticText.IsUnreadable(ex))
        {
            throw new ContentFolderException($"content folder '{rootPath}' cannot be read: {ex.Message}", ex);
        }

        var today = _options.Today();
        var entries = new ModuleEntry[folders.Length];
        Parallel.For(0, folders.Length, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }, i =>
        {
            var old = previous?.FindEntry(folders[i]);
            entries[i] = old is not null && affected is not null && !affected.Contains(folders[i])
                ? old
                : ModuleBuilder.Build(rootPath, folders[i], old?.Snapshot, today);
        });

        var rootDiagnostics = ImmutableArray<ContentDiagnostic>.Empty;
        if (File.Exists(Path.Combine(rootPath, "module.md")))
        {
            // A module folder given where the content folder was expected would otherwise check nothing and pass.
            rootDiagnostics = [new ContentDiagnostic(".", null, null, Severity.Error, DiagnosticCodes.ModuleFolderGivenAsRoot,
                "this folder holds a module.md, so it is a module, not a content folder; give the folder that contains it (for example 'content')")];
        }

        return new ContentCatalog(rootPath, [.. entries], rootDiagnostics);
    }
}

public sealed class ContentLoaderOptions
{
    /// <summary>How many modules are read at once; modules are independent, so this scales with cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The clock for the review checks ("reviewed.on after today", "review_due has passed").</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    private static readonly TimeZoneInfo London = FindLondon();

    /// <summary>Today as a date in Europe/London, as the contract reads "today".</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), London).DateTime);

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById("GMT Standard Time");
        }
    }
}
