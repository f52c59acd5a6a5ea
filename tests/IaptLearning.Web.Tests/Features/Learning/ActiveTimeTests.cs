using IaptLearning.Web.Features.Learning;

namespace IaptLearning.Web.Tests.Features.Learning;

public class ActiveTimeTests
{
    private static readonly DateTime Start = new(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Credit_ActiveWithinCap_ReturnsElapsed() =>
        Assert.Equal(TimeSpan.FromSeconds(10), ActiveTime.Credit(Start, Start.AddSeconds(10), wasActive: true));

    [Fact]
    public void Credit_LongGap_ReturnsCap() =>
        Assert.Equal(ActiveTime.MaxCreditPerHeartbeat, ActiveTime.Credit(Start, Start.AddHours(3), wasActive: true));

    [Fact]
    public void Credit_Inactive_ReturnsZero() =>
        Assert.Equal(TimeSpan.Zero, ActiveTime.Credit(Start, Start.AddSeconds(10), wasActive: false));

    [Fact]
    public void Credit_NoPreviousHeartbeat_ReturnsZero() =>
        Assert.Equal(TimeSpan.Zero, ActiveTime.Credit(null, Start, wasActive: true));

    [Fact]
    public void Credit_ClockBehindLastCredit_ReturnsZero() =>
        Assert.Equal(TimeSpan.Zero, ActiveTime.Credit(Start, Start.AddSeconds(-30), wasActive: true));

    [Fact]
    public void Credit_ManyRapidHeartbeats_NeverExceedWallClock()
    {
        // A forged client sending a heartbeat every 10 ms for a minute earns at most a minute.
        DateTime? last = Start;
        var total = TimeSpan.Zero;
        for (var now = Start.AddMilliseconds(10); now <= Start.AddMinutes(1); now = now.AddMilliseconds(10))
        {
            total += ActiveTime.Credit(last, now, wasActive: true);
            last = now;
        }

        Assert.True(total <= TimeSpan.FromMinutes(1), $"credited {total}");
    }

    [Fact]
    public void EffectiveMinimum_Exempt_ReturnsZero() =>
        Assert.Equal(TimeSpan.Zero, ActiveTime.EffectiveMinimum(TimeSpan.FromMinutes(5), 1, exempt: true));

    [Fact]
    public void EffectiveMinimum_NoMinTime_ReturnsZero() =>
        Assert.Equal(TimeSpan.Zero, ActiveTime.EffectiveMinimum(null, 1, exempt: false));

    [Fact]
    public void EffectiveMinimum_ScaleHalf_ReturnsHalf() =>
        Assert.Equal(TimeSpan.FromMinutes(2), ActiveTime.EffectiveMinimum(TimeSpan.FromMinutes(4), 0.5, exempt: false));

    [Fact]
    public void EffectiveMinimum_ScaleAboveOne_IsClampedToOne() =>
        Assert.Equal(TimeSpan.FromMinutes(4), ActiveTime.EffectiveMinimum(TimeSpan.FromMinutes(4), 3, exempt: false));
}
