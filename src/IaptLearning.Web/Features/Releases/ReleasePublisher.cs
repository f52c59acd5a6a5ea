using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using IaptLearning.Content;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Model;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Releases;

/// <summary>How a release was published (stored as these strings).</summary>
public static class ReleaseSources
{
    public const string AuthorsArea = "author's area";
    public const string CommandLine = "command line";
    public const string FirstStart = "first start";
    public const string AutoPublish = "automatic (Content:AutoPublish)";
}

/// <summary>
/// What publishing the module folder now would do: the files as read once, the module they give,
/// its problems, what changes for learners, and why it cannot be published, if it cannot.
/// </summary>
public sealed record ReleaseCandidate(
    string Slug,
    ContentModule? Module,
    IReadOnlyList<ContentDiagnostic> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ReleaseChange> Changes,
    ReleaseRow? Serving,
    string? Refusal,
    IReadOnlyList<(string Path, byte[] Bytes)> Files)
{
    public bool CanPublish => Refusal is null;
}

/// <summary>A release as the author's page and <c>iapt content releases</c> list it.</summary>
public sealed record ReleaseRow(
    long Id,
    string Version,
    string ContentHash,
    DateTime PublishedAtUtc,
    string PublishedByName,
    string Source,
    DateTime ServedFromUtc,
    DateTime? WithdrawnAtUtc,
    string? WithdrawnByName,
    string? WithdrawalReason,
    int AcknowledgedWarnings,
    bool IsServed);

/// <summary>What a publication, withdrawal or serving again did, in a sentence for the person; <c>BadInput</c> when the request itself was wrong (a missing reason, say), to show at the field.</summary>
public sealed record ReleaseOutcome(bool Succeeded, string Message, long? ReleaseId = null, bool BadInput = false);

/// <summary>
/// Publishes, withdraws and serves again module releases; each change is audited in its own
/// transaction, and what learners get changes only here. Publishing reads the folder's files once
/// into a staging folder and validates those bytes, so what is stored is exactly what was checked.
/// </summary>
public sealed class ReleasePublisher(
    IDbContextFactory<AppDbContext> factory,
    ContentService content,
    ReleaseStorage storage,
    ReleaseLibrary library,
    TimeProvider time,
    ILogger<ReleasePublisher> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ReleaseRow>> ListAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ContentReleases.AsNoTracking().Where(r => r.ModuleSlug == slug).ToListAsync(cancellationToken);
        var served = rows.Where(r => r.WithdrawnAtUtc is null).OrderByDescending(r => r.ServedFromUtc).ThenByDescending(r => r.Id).FirstOrDefault();
        return [.. rows.OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).Select(r => new ReleaseRow(
            r.Id, r.Version, r.ContentHash, r.PublishedAtUtc, r.PublishedByName, r.Source, r.ServedFromUtc, r.WithdrawnAtUtc, r.WithdrawnByName, r.WithdrawalReason,
            r.AcknowledgedWarningsJson is null ? 0 : JsonSerializer.Deserialize<List<string>>(r.AcknowledgedWarningsJson, Json)?.Count ?? 0,
            r.Id == served?.Id))];
    }

    /// <summary>Reads the module folder once and says what publishing it would do; changes nothing.</summary>
    public async Task<ReleaseCandidate> PrepareAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        var releases = await ListAsync(slug, cancellationToken);
        var serving = releases.FirstOrDefault(r => r.IsServed);
        var folder = Path.Combine(content.RootPath, slug);
        if (!slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || !Directory.Exists(folder))
        {
            return Refused(slug, serving, $"There is no module folder '{slug}' in the content folder {content.RootPath}.");
        }

        List<(string Path, byte[] Bytes)> files;
        var skipped = new List<string>();
        try
        {
            files = ReadFolder(slug, folder, skipped);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refused(slug, serving, $"The module folder could not be read ({ex.Message}). Nothing was published; try again when it is not being changed.");
        }

        var staging = Path.Combine(storage.Path, ".staging", Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (path, bytes) in files)
            {
                var target = Path.Combine(staging, slug, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllBytesAsync(target, bytes, cancellationToken);
            }

            var entry = new ContentLoader().Load(staging).FindEntry(slug);
            if (entry is null)
            {
                return Refused(slug, serving, $"The module folder '{slug}' is empty.");
            }

            // Only the files the content hash covers are stored, so the release gives the same hash when read back.
            var covered = entry.Files.ToHashSet(StringComparer.Ordinal);
            files = [.. files.Where(f => covered.Contains(f.Path))];
            var errors = entry.Diagnostics.Where(d => d.IsError).ToList();
            var warnings = entry.Diagnostics.Where(d => !d.IsError).Select(d => d.Format("")).Concat(skipped).ToList();
            var module = entry.Module;
            if (module is null)
            {
                return new ReleaseCandidate(slug, null, errors, warnings, [], serving, errors.Count == 1
                    ? "The module has an error, so it cannot be published. Fix it, save, and look again."
                    : $"The module has {errors.Count} errors, so it cannot be published. Fix them, save, and look again.", files);
            }

            var servedOutline = serving is null ? null : await OutlineAsync(serving.Id, cancellationToken);
            var changes = ReleaseDiff.Between(servedOutline, ReleaseOutline.From(module));
            return new ReleaseCandidate(slug, module, errors, warnings, changes, serving, Refusal(module, releases, serving), files);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>
    /// Publishes the folder as it is now, if it gives <paramref name="expectedHash"/> (what the
    /// publisher reviewed; null to take what is there, for the command line) and every warning is in
    /// <paramref name="acknowledged"/> (null acknowledges them all, for automatic publishing).
    /// </summary>
    public async Task<ReleaseOutcome> PublishAsync(
        string slug, ClaimsPrincipal? actor, string source, string? expectedHash, IReadOnlyCollection<string>? acknowledged, CancellationToken cancellationToken = default)
    {
        var candidate = await PrepareAsync(slug, cancellationToken);
        if (candidate.Refusal is { } refusal)
        {
            return new ReleaseOutcome(false, refusal);
        }

        var module = candidate.Module!;
        if (expectedHash is not null && !string.Equals(expectedHash, module.ContentHash, StringComparison.Ordinal))
        {
            return new ReleaseOutcome(false, "The module's files have changed since you reviewed them, so nothing was published. Review the changes again, then publish.");
        }

        var unacknowledged = acknowledged is null ? [] : candidate.Warnings.Where(w => !acknowledged.Contains(w)).ToList();
        if (unacknowledged.Count > 0)
        {
            return new ReleaseOutcome(false, unacknowledged.Count == 1
                ? "Confirm that you have read the warning before publishing: " + unacknowledged[0]
                : $"Confirm that you have read each of the {unacknowledged.Count} warnings before publishing.", BadInput: true);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var publisher = actor?.Identity?.Name ?? AuditLog.SystemActor;
        var release = new ContentRelease
        {
            ModuleSlug = slug,
            Version = module.Version,
            ContentHash = module.ContentHash,
            Title = module.Title.Length <= 300 ? module.Title : module.Title[..300],
            PublishedAtUtc = now,
            PublishedByUserId = actor?.UserId(),
            PublishedByName = publisher.Length <= 256 ? publisher : publisher[..256],
            Source = source,
            ServedFromUtc = now,
            OutlineJson = ReleaseOutline.From(module).ToJson(),
            ModelJson = ReleaseModelJson.Serialize(module),
            AcknowledgedWarningsJson = candidate.Warnings.Count == 0 ? null : JsonSerializer.Serialize(candidate.Warnings, Json),
            Files = [.. candidate.Files.Select(f => new ContentReleaseFile { Path = f.Path, Bytes = f.Bytes, Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Bytes)) })],
        };
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            db.ContentReleases.Add(release);
            AuditLog.Add(db, actor, AuditActions.ReleasePublished,
                $"Published {module.Title} version {module.Version} ({source})" +
                (candidate.Warnings.Count == 0 ? "" : $", with {candidate.Warnings.Count} {(candidate.Warnings.Count == 1 ? "warning" : "warnings")} acknowledged"),
                details: new { module = slug, version = module.Version, contentHash = module.ContentHash, source, previous = candidate.Serving?.Version, acknowledgedWarnings = candidate.Warnings },
                atUtc: now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                // The unique (module, version) index: another publisher, or another instance, was first.
                logger.LogInformation(ex, "Publishing {Module} {Version} lost a race.", slug, module.Version);
                return new ReleaseOutcome(false, $"Version {module.Version} of {slug} was published by someone else a moment ago. Look at the releases below.");
            }
        }

        logger.LogInformation("Published {Module} {Version} ({Hash}) by {Publisher} ({Source}).", slug, module.Version, module.ContentHash, publisher, source);
        await library.RefreshAsync(cancellationToken);
        return new ReleaseOutcome(true, $"Version {module.Version} of {module.Title} is published. Learners get it at the next page they open.", release.Id);
    }

    /// <summary>Withdraws a release: learners go back to the release served before it (or the module is no longer served).</summary>
    public async Task<ReleaseOutcome> WithdrawAsync(string slug, long releaseId, ClaimsPrincipal actor, string? reason, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return new ReleaseOutcome(false, "Enter why the release is withdrawn", BadInput: true);
        }

        if (reason.Length > 500)
        {
            return new ReleaseOutcome(false, "The reason must be 500 characters or fewer", BadInput: true);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var release = await db.ContentReleases.SingleOrDefaultAsync(r => r.Id == releaseId && r.ModuleSlug == slug, cancellationToken);
        if (release is null)
        {
            return new ReleaseOutcome(false, "There is no such release of this module.");
        }

        if (release.WithdrawnAtUtc is not null)
        {
            return new ReleaseOutcome(false, $"Version {release.Version} was already withdrawn on {UkTime.DateAndTime(release.WithdrawnAtUtc.Value)}.");
        }

        release.WithdrawnAtUtc = now;
        release.WithdrawnByName = TextLimits.Truncate(actor?.Identity?.Name ?? AuditLog.SystemActor, 256);
        release.WithdrawalReason = reason;
        AuditLog.Add(db, actor, AuditActions.ReleaseWithdrawn, $"Withdrew {release.Title} version {release.Version}: {reason}",
            details: new { module = slug, version = release.Version, contentHash = release.ContentHash, reason }, atUtc: now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReleaseOutcome(false, "Someone else changed this release at the same moment. Look at the releases again.");
        }

        await library.RefreshAsync(cancellationToken);
        var served = library.Current.GetValueOrDefault(slug);
        return new ReleaseOutcome(true, served is null
            ? $"Version {release.Version} is withdrawn. No release of this module is left, so learners cannot open it until one is published or served again."
            : $"Version {release.Version} is withdrawn. Learners get version {served.Version} again.", release.Id);
    }

    /// <summary>Serves an earlier (or withdrawn) release again, ahead of the others; nothing is copied or re-validated.</summary>
    public async Task<ReleaseOutcome> ServeAgainAsync(string slug, long releaseId, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var release = await db.ContentReleases.SingleOrDefaultAsync(r => r.Id == releaseId && r.ModuleSlug == slug, cancellationToken);
        if (release is null)
        {
            return new ReleaseOutcome(false, "There is no such release of this module.");
        }

        if (library.Current.GetValueOrDefault(slug)?.Id == release.Id)
        {
            return new ReleaseOutcome(false, $"Learners already get version {release.Version}.");
        }

        var wasWithdrawn = release.WithdrawnAtUtc is not null;
        release.WithdrawnAtUtc = null;
        release.WithdrawnByName = null;
        release.WithdrawalReason = null;
        release.ServedFromUtc = now;
        AuditLog.Add(db, actor, AuditActions.ReleaseServedAgain, $"Served {release.Title} version {release.Version} again" + (wasWithdrawn ? " (it had been withdrawn)" : ""),
            details: new { module = slug, version = release.Version, contentHash = release.ContentHash, wasWithdrawn }, atUtc: now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReleaseOutcome(false, "Someone else changed this release at the same moment. Look at the releases again.");
        }

        await library.RefreshAsync(cancellationToken);
        return new ReleaseOutcome(true, $"Learners get version {release.Version} again from the next page they open.", release.Id);
    }

    private static string? Refusal(ContentModule module, IReadOnlyList<ReleaseRow> releases, ReleaseRow? serving)
    {
        if (module.Status == ModuleStatus.Draft)
        {
            return "The module is a draft (status: draft in module.md), so learners cannot be given it. Change it to status: published, save, and look again.";
        }

        if (serving is not null && serving.ContentHash == module.ContentHash)
        {
            return $"Nothing to publish: learners already get exactly these files (version {serving.Version}).";
        }

        if (releases.FirstOrDefault(r => r.ContentHash == module.ContentHash) is { } same)
        {
            return $"These files are the release of version {same.Version} published on {UkTime.Date(same.PublishedAtUtc)}. To give it to learners again, an admin can serve it again from the list of releases.";
        }

        var highest = releases.Select(r => ModuleVersion.TryParse(r.Version)).OfType<ModuleVersion>().DefaultIfEmpty().Max();
        if (releases.FirstOrDefault(r => r.Version == module.Version) is { } used)
        {
            return $"Version {module.Version} was already released on {UkTime.Date(used.PublishedAtUtc)} with different files, and a version can be released only once. " +
                $"Change version in module.md to {highest.NextChoices()}, save, and look again.";
        }

        if (releases.Count > 0 && ModuleVersion.TryParse(module.Version) is { } version && version < highest)
        {
            return $"Version {module.Version} is lower than {highest}, the highest version released. Change version in module.md to {highest.NextChoices()}.";
        }

        return null;
    }

    private async Task<ReleaseOutline?> OutlineAsync(long releaseId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return ReleaseOutline.FromJson(await db.ContentReleases.Where(r => r.Id == releaseId).Select(r => r.OutlineJson).SingleOrDefaultAsync(cancellationToken));
    }

    private static ReleaseCandidate Refused(string slug, ReleaseRow? serving, string refusal) => new(slug, null, [], [], [], serving, refusal, []);

    /// <summary>
    /// Every file below the folder, read once. Dot-names and symbolic links are skipped as the loader
    /// skips them (a link could otherwise copy a file from outside the folder into a release); each
    /// link skipped is a warning, as the validator gives it.
    /// </summary>
    private static List<(string Path, byte[] Bytes)> ReadFolder(string slug, string folder, List<string> warnings)
    {
        var files = new List<(string, byte[])>();
        var pending = new Stack<(DirectoryInfo Dir, string Prefix)>([(new DirectoryInfo(folder), "")]);
        while (pending.TryPop(out var next))
        {
            foreach (var entry in next.Dir.EnumerateFileSystemInfos())
            {
                var relative = next.Prefix + entry.Name;
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry.LinkTarget is not null)
                {
                    warnings.Add(new ContentDiagnostic($"{slug}/{relative}", null, null, Severity.Warning, DiagnosticCodes.SymbolicLink,
                        "symbolic links are ignored, so this file is not part of the module; copy the real file here instead").Format(""));
                }
                else if (entry is DirectoryInfo dir)
                {
                    pending.Push((dir, relative + "/"));
                }
                else
                {
                    files.Add((relative, File.ReadAllBytes(entry.FullName)));
                }
            }
        }

        return files;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A staging folder left behind is harmless: nothing reads it.
        }
    }
}
