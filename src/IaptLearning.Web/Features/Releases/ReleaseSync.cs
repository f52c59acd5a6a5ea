using System.Collections.Concurrent;
using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using IaptLearning.Web.Data;

namespace IaptLearning.Web.Features.Releases;

/// <summary>Settings under <c>Content:</c> for releases.</summary>
public sealed class ReleaseOptions
{
    /// <summary>Publish a module by itself when a save leaves it valid: on in Development, off elsewhere.</summary>
    public bool AutoPublish { get; set; }

    /// <summary>At start-up, publish a valid module that has no release at all (<c>Content:FirstRelease</c>, default on; the command line turns it off).</summary>
    public bool FirstRelease { get; set; } = true;

    /// <summary>How often each instance reads which releases are served (so another instance's publication shows).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Keeps <see cref="ReleaseLibrary"/> current. At start-up (after migrations): a module in the
/// folder that has no release at all, and validates, gets a first release, so a fresh install (or
/// one made before releases) serves its modules at once; then the served releases are read, and
/// read again every <see cref="ReleaseOptions.PollInterval"/>. With <see cref="ReleaseOptions.AutoPublish"/>
/// a valid save is published as it happens, by the same rules as a publisher's.
/// </summary>
internal sealed class ReleaseSync(
    ReleaseLibrary library,
    ReleasePublisher publisher,
    ContentService content,
    IDbContextFactory<AppDbContext> factory,
    ReleaseOptions options,
    ILogger<ReleaseSync> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly ConcurrentDictionary<string, string> _refusedHash = new(StringComparer.Ordinal);
    private Task? _poll;
    private bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.FirstRelease || options.AutoPublish)
        {
            await PublishFolderAsync(firstOnly: !options.AutoPublish, cancellationToken);
        }

        await library.RefreshAsync(cancellationToken);
        logger.LogInformation("Serving {Count} module releases.", library.Current.Count);
        if (options.AutoPublish)
        {
            content.Changed += OnContentChanged;
        }

        _poll = PollAsync(_stopping.Token);
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await library.RefreshAsync(stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database was busy or away: keep serving what we have and try again at the next tick.
                    logger.LogWarning(ex, "Could not read the module releases; serving what was read before.");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void OnContentChanged(ContentState state) => _ = AutoPublishAsync();

    private async Task AutoPublishAsync()
    {
        try
        {
            await PublishFolderAsync(firstOnly: false, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // A fire-and-forget publication must never take the process down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Automatic publishing failed; the module folder is unchanged and learners keep their release.");
        }
    }

    /// <summary>Publishes every valid published module in the folder that has no release (<paramref name="firstOnly"/>) or differs from its release.</summary>
    private async Task PublishFolderAsync(bool firstOnly, CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            var modules = content.State.Catalog?.Modules.Where(m => m.Status == ModuleStatus.Published).ToList() ?? [];
            if (modules.Count == 0)
            {
                return;
            }

            HashSet<string> released;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            {
                released = [.. await db.ContentReleases.Select(r => r.ModuleSlug).Distinct().ToListAsync(cancellationToken)];
            }

            foreach (var module in modules)
            {
                var first = !released.Contains(module.Slug);
                if ((firstOnly && !first)
                    || library.Current.GetValueOrDefault(module.Slug)?.ContentHash == module.ContentHash
                    || (_refusedHash.TryGetValue(module.Slug, out var refused) && refused == module.ContentHash))
                {
                    continue;
                }

                var outcome = await publisher.PublishAsync(module.Slug, null, first ? ReleaseSources.FirstStart : ReleaseSources.AutoPublish, null, null, cancellationToken);
                if (outcome.Succeeded)
                {
                    _refusedHash.TryRemove(module.Slug, out _);
                }
                else
                {
                    // Said once per set of files, not at every save of another module.
                    _refusedHash[module.Slug] = module.ContentHash;
                    logger.LogWarning("{Module} was not published automatically: {Reason}", module.Slug, outcome.Message);
                }
            }
        }
        finally
        {
            _publishing.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        content.Changed -= OnContentChanged;
        if (_disposed)
        {
            // A test host can be disposed before it is stopped; Dispose has cancelled everything.
            return;
        }

        await _stopping.CancelAsync();
        if (_poll is not null)
        {
            await _poll.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        content.Changed -= OnContentChanged;
        _stopping.Cancel();
        _stopping.Dispose();
        _publishing.Dispose();
    }
}
