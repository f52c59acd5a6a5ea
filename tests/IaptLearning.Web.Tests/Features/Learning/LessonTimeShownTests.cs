using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Learning;
using Microsoft.Extensions.Time.Testing;

namespace IaptLearning.Web.Tests.Features.Learning;

/// <summary>The lesson's time as the page shows and announces it: one clock, one rounding, one live message per change.</summary>
public class LessonTimeShownTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));

    private static LessonState State(TimeSpan active, TimeSpan minimum) => new(active, minimum, null, new Dictionary<string, KnowledgeCheckAnswer>());

    [Fact]
    public void SpentShownAndLeftShown_EveryTenthOfASecondToTheMinimum_AddUpToTheMinimum()
    {
        var minimum = TimeSpan.FromSeconds(150);
        for (var active = TimeSpan.Zero; active < minimum; active += TimeSpan.FromMilliseconds(100))
        {
            var state = State(active, minimum);
            Assert.Equal(minimum, state.SpentShown + state.LeftShown);
            Assert.True(state.SpentShown <= active && state.LeftShown >= state.Remaining, $"at {active}");
        }
    }

    [Theory]
    [InlineData(0, "0 seconds", "2 minutes 30 seconds")]
    [InlineData(9.9, "0 seconds", "2 minutes 30 seconds")]
    [InlineData(10, "10 seconds", "2 minutes 20 seconds")]
    [InlineData(115, "1 minute 50 seconds", "40 seconds")]
    [InlineData(149.5, "2 minutes 20 seconds", "10 seconds")]
    public void SpentShownAndLeftShown_InWords_TheSameStep(double activeSeconds, string spent, string left)
    {
        var state = State(TimeSpan.FromSeconds(activeSeconds), TimeSpan.FromSeconds(150));
        Assert.Equal(spent, UkTime.Duration(state.SpentShown));
        Assert.Equal(left, UkTime.Duration(state.LeftShown));
    }

    [Fact]
    public void LeftShown_MinimumMet_IsNone() =>
        Assert.Equal(TimeSpan.Zero, State(TimeSpan.FromSeconds(151), TimeSpan.FromSeconds(150)).LeftShown);

    [Fact]
    public void Announce_PausedThenBack_SaysEachChangeOnce()
    {
        var clock = new LessonClock(_time);
        clock.Start();
        clock.Announce(State(TimeSpan.Zero, TimeSpan.FromSeconds(150)));
        Assert.Equal("2 minutes 30 seconds left before you can complete this lesson.", clock.Announcement);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(clock.Accept(wasActive: true, activeNow: false));
        clock.Announce(State(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(150)));
        Assert.True(clock.IsPaused);
        Assert.Equal(LessonClock.PausedMessage, clock.Announcement);

        _time.Advance(TimeSpan.FromMinutes(5));
        clock.Announce(State(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(150)));
        Assert.Equal(LessonClock.PausedMessage, clock.Announcement);

        Assert.True(clock.Accept(wasActive: false, activeNow: true));
        clock.Announce(State(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(150)));
        Assert.False(clock.IsPaused);
        Assert.Equal("Time is counting again. 2 minutes 20 seconds left before you can complete this lesson.", clock.Announcement);
    }

    [Fact]
    public void Accept_BackWithinASecondOfThePause_ShowsBackThoughNotWorthAWrite()
    {
        var clock = new LessonClock(_time);
        clock.Start();
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(clock.Accept(wasActive: true, activeNow: false));

        Assert.False(clock.Accept(wasActive: false, activeNow: true));
        Assert.False(clock.IsPaused);
    }

    [Fact]
    public void ActiveJustNow_AfterAPause_False()
    {
        var clock = new LessonClock(_time);
        clock.Start();
        _time.Advance(TimeSpan.FromSeconds(10));
        clock.Accept(wasActive: true, activeNow: false);

        Assert.False(clock.ActiveJustNow);
    }
}
