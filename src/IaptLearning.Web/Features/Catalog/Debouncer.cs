namespace IaptLearning.Web.Features.Catalog;

/// <summary>
/// Collects paths and hands them over once no new one has arrived for <c>quiet</c>: an editor's
/// save is several file events, and one reload should cover them all. A <c>null</c> path means
/// "everything" (a watcher overflow or error) and turns the batch into a full reload.
/// </summary>
public sealed class Debouncer : IDisposable
{
    private readonly TimeSpan _quiet;
    private readonly Action<IReadOnlyCollection<string>?> _flush;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private HashSet<string> _paths = new(StringComparer.Ordinal);
    private bool _everything;

    public Debouncer(TimeSpan quiet, Action<IReadOnlyCollection<string>?> flush, TimeProvider? clock = null)
    {
        _quiet = quiet;
        _flush = flush;
        _timer = (clock ?? TimeProvider.System).CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Add(string? path)
    {
        lock (_lock)
        {
            if (path is null)
            {
                _everything = true;
            }
            else
            {
                _paths.Add(path);
            }

            _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        HashSet<string> paths;
        bool everything;
        lock (_lock)
        {
            paths = _paths;
            everything = _everything;
            _paths = new(StringComparer.Ordinal);
            _everything = false;
        }

        if (everything || paths.Count > 0)
        {
            _flush(everything ? null : paths);
        }
    }

    public void Dispose() => _timer.Dispose();
}
