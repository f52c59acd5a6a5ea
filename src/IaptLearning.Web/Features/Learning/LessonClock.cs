namespace IaptLearning.Web.Features.Learning;

/// <summary>
/// The lesson page's side of the timer, on the server's clock: which reports from the browser are
/// worth a write, whether the learner was active just now, and when to tell a screen reader how
/// long is left. The page holds one per circuit; <see cref="LessonProgressService"/> decides the credit.
/// </summary>
public sealed class LessonClock(TimeProvider time)
{
    /// <summary>How often a screen reader hears the time left, at most.</summary>
    public static readonly TimeSpan AnnounceEvery = TimeSpan.FromSeconds(30);

    /// <summary>A page reports every few seconds; anything much faster is not a real page and is not worth a write.</summary>
    public static readonly TimeSpan MinimumReportGap = TimeSpan.FromSeconds(1);

    private bool _lastActive;
    private DateTime _lastReportUtc = DateTime.MinValue;
    private DateTime _lastAnnouncedUtc = DateTime.MinValue;

    public string Announcement { get; private set; } = "";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Leaving or completing credits the time since the last report only if that report was active
    /// and recent: a circuit dropped minutes ago (closed tab) earns nothing more.
    /// </summary>
    public bool ActiveJustNow => _lastActive && Now - _lastReportUtc < ActiveTime.MaxCreditPerHeartbeat;

    /// <summary>A lesson starts being timed: the learner is here now.</summary>
    public void Start()
    {
        _lastActive = true;
        _lastReportUtc = Now;
        _lastAnnouncedUtc = DateTime.MinValue;
        Announcement = "";
    }

    /// <summary>Records a report from the browser; false when it came too soon after the last to be worth saving.</summary>
    public bool Accept(bool wasActive)
    {
        var now = Now;
        if (now - _lastReportUtc < MinimumReportGap)
        {
            return false;
        }

        _lastReportUtc = now;
        _lastActive = wasActive;
        return true;
    }

    /// <summary>Updates <see cref="Announcement"/>: the time left every <see cref="AnnounceEvery"/> (or at once when forced), and once when the wait is over.</summary>
    public void Announce(LessonState state, bool force)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsCompleted || state.MinimumTime == TimeSpan.Zero)
        {
            return;
        }

        var now = Now;
        if (state.Remaining == TimeSpan.Zero)
        {
            Announcement = "You can now complete this lesson.";
        }
        else if (force || now - _lastAnnouncedUtc >= AnnounceEvery)
        {
            Announcement = $"{ActiveTime.Describe(state.Remaining)} left before you can complete this lesson.";
            _lastAnnouncedUtc = now;
        }
    }
}
