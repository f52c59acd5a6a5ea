namespace IaptLearning.Web.Features.Learning;

/// <summary>
/// The server's rules for crediting time on a lesson. The browser only says whether the learner
/// was active; how much time that is worth comes from the server's own clock.
/// </summary>
public static class ActiveTime
{
    /// <summary>How often the page reports; the server saves on every report.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);

    /// <summary>The most one report can credit, however long since the last.</summary>
    public static readonly TimeSpan MaxCreditPerHeartbeat = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Credit for the time since the last accepted report: nothing unless the learner was active,
    /// never more than the server's elapsed time, and never more than <see cref="MaxCreditPerHeartbeat"/>.
    /// </summary>
    public static TimeSpan Credit(DateTime? lastCreditedAtUtc, DateTime nowUtc, bool wasActive)
    {
        if (!wasActive || lastCreditedAtUtc is not { } last || nowUtc <= last)
        {
            return TimeSpan.Zero;
        }

        var elapsed = nowUtc - last;
        return elapsed > MaxCreditPerHeartbeat ? MaxCreditPerHeartbeat : elapsed;
    }

    /// <summary>The minimum time this learner must spend, after test scaling and any exemption.</summary>
    public static TimeSpan EffectiveMinimum(TimeSpan? minTime, double scale, bool exempt) =>
        exempt || minTime is null ? TimeSpan.Zero : TimeSpan.FromTicks((long)(minTime.Value.Ticks * Math.Clamp(scale, 0, 1)));
}
