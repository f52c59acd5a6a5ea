using System.Collections.Immutable;

namespace IaptLearning.Content.Loading;

/// <summary>The per-file results a module was built from, so the next build can skip unchanged files.</summary>
internal sealed class ModuleSnapshot(ImmutableDictionary<string, FileResult> results, ImmutableDictionary<string, FileStamp> stamps)
{
    public static readonly ModuleSnapshot Empty = new(
        ImmutableDictionary<string, FileResult>.Empty, ImmutableDictionary<string, FileStamp>.Empty);

    public ImmutableDictionary<string, FileResult> Results { get; } = results;

    /// <summary>Hashes of every file in the module (media included), by path in the module.</summary>
    public ImmutableDictionary<string, FileStamp> Stamps { get; } = stamps;
}

/// <summary>A file's size, modification time and SHA-256, so unchanged media files are not hashed again.</summary>
internal sealed record FileStamp(long Length, DateTime LastWriteUtc, string Hash);
