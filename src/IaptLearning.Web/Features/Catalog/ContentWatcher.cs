namespace IaptLearning.Web.Features.Catalog;

/// <summary>
/// Watches the content folder and reloads what changed, about a quarter of a second after the last
/// file event. Overflows and watcher errors reload everything. Nothing escapes the callbacks.
/// </summary>
internal sealed class ContentWatcher(ContentService content, ILogger<ContentWatcher> logger) : IHostedService, IDisposable
{
    internal static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);

    private FileSystemWatcher? _watcher;
    private Debouncer? _debouncer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(content.RootPath))
        {
            logger.LogWarning("Not watching {Path}: it does not exist.", content.RootPath);
            return Task.CompletedTask;
        }

        _debouncer = new Debouncer(Quiet, Reload);
        _watcher = new FileSystemWatcher(content.RootPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Changed += OnEvent;
        _watcher.Created += OnEvent;
        _watcher.Deleted += OnEvent;
        _watcher.Renamed += (sender, e) =>
        {
            OnEvent(sender, e);
            _debouncer.Add(e.OldFullPath);
        };
        _watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Content watcher error; reading everything again.");
            _debouncer.Add(null);
        };
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    private void OnEvent(object sender, FileSystemEventArgs e) => _debouncer?.Add(e.FullPath);

    private void Reload(IReadOnlyCollection<string>? paths)
    {
        try
        {
            content.Reload(paths);
        }
#pragma warning disable CA1031 // A timer callback that throws would take the process down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Content reload failed.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _debouncer?.Dispose();
        _debouncer = null;
    }
}
