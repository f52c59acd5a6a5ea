using IaptLearning.Content;

namespace IaptLearning.Web.Features.Catalog;

/// <summary>
/// Holds the current <see cref="ContentState"/> for the whole app. Reloads swap the state in one
/// reference write, so a request sees one consistent state; <see cref="Changed"/> tells open
/// circuits (the author's previews) to re-render.
/// </summary>
public sealed class ContentService
{
    private readonly ContentLoader _loader = new();
    private readonly Lock _reloadLock = new();
    private readonly ILogger<ContentService> _logger;
    private readonly TimeProvider _clock;
    private volatile ContentState _state = ContentState.Empty;

    public ContentService(string rootPath, ILogger<ContentService> logger, TimeProvider clock)
    {
        RootPath = rootPath;
        _logger = logger;
        _clock = clock;
        Reload(null);
    }

    public string RootPath { get; }

    public ContentState State => _state;

    /// <summary>When the content was last read (UTC).</summary>
    public DateTime LoadedAtUtc { get; private set; }

    /// <summary>Raised after every reload, on the reloading thread. Handlers must not block.</summary>
    public event Action<ContentState>? Changed;

    /// <summary>
    /// Reads the changed paths again (every module when <paramref name="changedPaths"/> is null).
    /// Never throws: a folder that cannot be read keeps the previous state and records the problem.
    /// </summary>
    public void Reload(IReadOnlyCollection<string>? changedPaths)
    {
        ContentState next;
        lock (_reloadLock)
        {
            var current = _state;
            try
            {
                var catalog = changedPaths is null || current.Catalog is null
                    ? _loader.Load(RootPath)
                    : _loader.Reload(current.Catalog, changedPaths);
                next = current.With(catalog);
                foreach (var diagnostic in catalog.Diagnostics)
                {
                    _logger.LogWarning("Content: {Problem}", diagnostic.Format(RootPath));
                }

                _logger.LogInformation("Content read from {Path}: {Count} modules, {Errors} errors.", RootPath, catalog.Entries.Length, catalog.ErrorCount);
            }
            catch (ContentFolderException ex)
            {
                // The site still runs on what it had, so the problem can be seen and fixed.
                _logger.LogError(ex, "Cannot read the content folder {Path}.", RootPath);
                next = current.WithProblem(ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file vanished between listing and reading (an editor's atomic save): the next event reads it again.
                _logger.LogWarning(ex, "Content read interrupted in {Path}.", RootPath);
                next = current.WithProblem(ex.Message);
            }

            LoadedAtUtc = _clock.GetUtcNow().UtcDateTime;
            _state = next;
        }

        try
        {
            Changed?.Invoke(next);
        }
#pragma warning disable CA1031 // One broken subscriber must not stop the others or the watcher.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "A content change subscriber failed.");
        }
    }
}
