using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using IaptLearning.Content;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Releases;

/// <summary>A release learners are served: the row's facts and the module parsed from its stored files.</summary>
public sealed record ServedRelease(long Id, string Version, string ContentHash, DateTime PublishedAtUtc, string PublishedByName, DateTime ServedFromUtc, ContentModule Module)
{
    public string Slug => Module.Slug;
}

/// <summary>Where releases are unpacked: <c>Content:ReleasesPath</c>, default <c>{Storage:DataPath}/releases</c>.</summary>
public sealed record ReleaseStorage(string Path);

/// <summary>
/// The releases learners are served, read from the database: per module, the release that is not
/// withdrawn and was served last, as its stored parsed model. Each release's files are unpacked
/// into <see cref="ReleaseStorage"/> and checked against their hashes (rewritten from the database
/// when they differ), so media is served from disk and the content folder plays no part.
/// Every instance reads the same rows, so a release published on one reaches all of them at the
/// next <see cref="RefreshAsync"/>.
/// </summary>
public sealed class ReleaseLibrary(IDbContextFactory<AppDbContext> factory, ReleaseStorage storage, ILogger<ReleaseLibrary> logger) : IDisposable
{
    private readonly ConcurrentDictionary<long, ContentModule> _modules = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile ImmutableDictionary<string, ServedRelease> _current = ImmutableDictionary<string, ServedRelease>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Per module slug, the release learners get.</summary>
    public ImmutableDictionary<string, ServedRelease> Current => _current;

    /// <summary>Raised after a refresh changed what is served. Handlers must not block.</summary>
    public event Action? Changed;

    /// <summary>
    /// Reads which release each module serves. A release whose files cannot be read back intact
    /// is never served: the module stays on what it had, and the problem is logged as an error.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var rows = await db.ContentReleases.AsNoTracking()
                .Where(r => r.WithdrawnAtUtc == null)
                .Select(r => new { r.Id, r.ModuleSlug, r.Version, r.ContentHash, r.PublishedAtUtc, r.PublishedByName, r.ServedFromUtc })
                .ToListAsync(cancellationToken);
            var current = _current;
            var next = ImmutableDictionary.CreateBuilder<string, ServedRelease>(StringComparer.Ordinal);
            foreach (var head in rows.GroupBy(r => r.ModuleSlug, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(r => r.ServedFromUtc).ThenByDescending(r => r.Id).First()))
            {
                if (current.TryGetValue(head.ModuleSlug, out var same) && same.Id == head.Id && same.ServedFromUtc == head.ServedFromUtc)
                {
                    next[head.ModuleSlug] = same;
                    continue;
                }

                var module = await ModuleAsync(db, head.Id, head.ModuleSlug, head.ContentHash, cancellationToken);
                if (module is not null)
                {
                    next[head.ModuleSlug] = new ServedRelease(head.Id, head.Version, head.ContentHash, head.PublishedAtUtc, head.PublishedByName, head.ServedFromUtc, module);
                }
                else if (current.TryGetValue(head.ModuleSlug, out var previous))
                {
                    next[head.ModuleSlug] = previous;
                }
            }

            var built = next.ToImmutable();
            if (built.Count == current.Count && built.All(p => current.TryGetValue(p.Key, out var c) && ReferenceEquals(c, p.Value)))
            {
                return;
            }

            _current = built;
        }
        finally
        {
            _refresh.Release();
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// The release of <paramref name="slug"/> with these files, if one was published and is not
    /// withdrawn: an assessment attempt carries on with the release it started on.
    /// </summary>
    public async Task<ContentModule?> FindAsync(string slug, string contentHash, CancellationToken cancellationToken = default)
    {
        if (_current.TryGetValue(slug, out var served) && served.ContentHash == contentHash)
        {
            return served.Module;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var id = await db.ContentReleases.AsNoTracking()
            .Where(r => r.ModuleSlug == slug && r.ContentHash == contentHash && r.WithdrawnAtUtc == null)
            .Select(r => (long?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await ModuleAsync(db, id.Value, slug, contentHash, cancellationToken);
    }

    private async Task<ContentModule?> ModuleAsync(AppDbContext db, long id, string slug, string contentHash, CancellationToken cancellationToken)
    {
        if (_modules.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var root = System.IO.Path.Combine(storage.Path, slug, contentHash);
        var folder = System.IO.Path.Combine(root, slug);
        var hashes = await db.ContentReleaseFiles.AsNoTracking().Where(f => f.ContentReleaseId == id)
            .Select(f => new { f.Path, f.Sha256 }).ToListAsync(cancellationToken);
        if (!hashes.All(f => Intact(folder, f.Path, f.Sha256)))
        {
            var files = await db.ContentReleaseFiles.AsNoTracking().Where(f => f.ContentReleaseId == id).ToListAsync(cancellationToken);
            if (files.FirstOrDefault(f => Convert.ToHexStringLower(SHA256.HashData(f.Bytes)) != f.Sha256) is { } corrupt)
            {
                logger.LogError("Release {Id} of {Module}: the stored file {Path} does not match its hash; the release is not served.", id, slug, corrupt.Path);
                return null;
            }

            Unpack(root, slug, files);
        }

        var json = await db.ContentReleases.AsNoTracking().Where(r => r.Id == id).Select(r => r.ModelJson).SingleAsync(cancellationToken);
        var module = ReleaseModelJson.TryDeserialize(json, folder);
        if (module?.ContentHash != contentHash)
        {
            // Made by a build whose model this one cannot read: the files are kept for exactly this.
            logger.LogWarning("Release {Id} of {Module}: its stored model cannot be read by this build, so it is parsed again from its files.", id, slug);
            module = TryLoad(root, slug, contentHash);
            if (module is null)
            {
                logger.LogError("Release {Id} of {Module} ({Hash}) does not load from its stored files without errors, or gives another content hash; the release is not served.", id, slug, contentHash);
                return null;
            }
        }

        return _modules.GetOrAdd(id, module);
    }

    /// <summary>The unpacked file is there with the bytes the release stored.</summary>
    private static bool Intact(string folder, string path, string sha256)
    {
        try
        {
            var file = System.IO.Path.Combine(folder, path);
            return File.Exists(file) && Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) == sha256;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static ContentModule? TryLoad(string root, string slug, string contentHash)
    {
        if (!Directory.Exists(System.IO.Path.Combine(root, slug)))
        {
            return null;
        }

        try
        {
            var module = new ContentLoader().Load(root).FindModule(slug);
            return module?.ContentHash == contentHash ? module : null;
        }
        catch (Exception ex) when (ex is ContentFolderException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the files beside the final folder and moves them into place, so no reader sees half a release.</summary>
    private static void Unpack(string root, string slug, List<ContentReleaseFile> files)
    {
        var staging = root + ".unpack-" + Guid.NewGuid().ToString("N");
        foreach (var file in files)
        {
            var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(staging, slug, file.Path));
            if (!target.StartsWith(System.IO.Path.GetFullPath(System.IO.Path.Combine(staging, slug)) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"A release file's path '{file.Path}' leaves the module folder.");
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, file.Bytes);
        }

        if (Directory.Exists(root))
        {
            // Left by a crash, or altered since: the database is the truth.
            Directory.Delete(root, recursive: true);
        }

        try
        {
            Directory.Move(staging, root);
        }
        catch (IOException) when (Directory.Exists(root))
        {
            // Another instance unpacked the same release first; its copy is checked as it loads.
            Directory.Delete(staging, recursive: true);
        }
    }

    public void Dispose() => _refresh.Dispose();
}
