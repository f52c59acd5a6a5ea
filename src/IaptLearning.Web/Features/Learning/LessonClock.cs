using IaptLearning.Web.Components.Shared;

namespace IaptLearning.Web.Features.Learning;

/// <summary>
/// The lesson page's side of the timer, on the server's clock: which reports from the browser are
/// worth a write, whether the learner was active just now, whether time is paused, and what a
/// screen reader hears. The page holds one per circuit; <see cref="LessonProgressService"/> decides the credit.
/// </summary>
public sealed class LessonClock(TimeProvider time)
{
    public const string PausedMessage = "Time is paused while you're away: move the mouse, scroll or press a key to carry on.";

    /// <summary>A page reports every few seconds; anything much faster is not a real page and is not worth a write.</summary>
    public static readonly TimeSpan MinimumReportGap = TimeSpan.FromSeconds(1);

    private enum Phase
    {
        Counting,
        Paused,
        Enough,
    }

    private bool _lastActive;
    private DateTime _lastReportUtc = DateTime.MinValue;
    private Phase? _announced;

    /// <summary>The live region's text: it changes only when the state changes (counting, paused, enough time), never with the passing seconds.</summary>
    public string Announcement { get; private set; } = "";

    /// <summary>The browser last said the learner is away (no input for <c>Learning:IdleAfter</c>, or the tab hidden).</summary>
    public bool IsPaused { get; private set; }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Leaving or completing credits the time since the last report only if the learner was here
    /// then and it was recent: a circuit dropped minutes ago (closed tab) earns nothing more.
    /// </summary>
    public bool ActiveJustNow => _lastActive && Now - _lastReportUtc < ActiveTime.MaxCreditPerHeartbeat;

    /// <summary>A lesson starts being timed: the learner is here now.</summary>
    public void Start()
    {
        _lastActive = true;
        _lastReportUtc = Now;
        IsPaused = false;
        _announced = null;
        Announcement = "";
    }

    /// <summary>
    /// Records a report from the browser: whether the learner was here since the last one, and
    /// whether they are here now. The pause shows at once; false when the report came too soon
    /// after the last to be worth saving.
    /// </summary>
    public bool Accept(bool wasActive, bool activeNow)
    {
        IsPaused = !activeNow;
        var now = Now;
        if (now - _lastReportUtc < MinimumReportGap)
        {
            return false;
        }

        _lastReportUtc = now;
        _lastActive = activeNow;
        return true;
    }

    /// <summary>Updates <see cref="Announcement"/> when the lesson's time changes state, and only then.</summary>
    public void Announce(LessonState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsCompleted)
        {
            return;
        }

        var phase = IsPaused ? Phase.Paused : state.Remaining > TimeSpan.Zero ? Phase.Counting : Phase.Enough;
        if (phase == _announced)
        {
            return;
        }

        var resumed = _announced == Phase.Paused ? "Time is counting again." : "";
        var news = phase switch
        {
            Phase.Paused => PausedMessage,
            Phase.Counting => $"{UkTime.Duration(state.LeftShown)} left before you can complete this lesson.",
            _ when state.MinimumTime > TimeSpan.Zero => "You can now complete this lesson.",
            _ => "",
        };
        Announcement = string.Join(' ', new[] { resumed, news }.Where(s => s.Length > 0));
        _announced = phase;
    }
}
