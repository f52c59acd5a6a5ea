using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Learning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IaptLearning.Web.Tests.Features.Learning;

public class LessonClockTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));

    private static LessonState State(TimeSpan active, TimeSpan minimum) => new(active, minimum, null, new Dictionary<string, KnowledgeCheckAnswer>());

    [Fact]
    public void ActiveJustNow_AfterStart_TrueUntilTheLongestCreditHasPassed()
    {
        var clock = new LessonClock(_time);
        clock.Start();
        Assert.True(clock.ActiveJustNow);

        _time.Advance(ActiveTime.MaxCreditPerHeartbeat);
        Assert.False(clock.ActiveJustNow);
    }

    [Fact]
    public void Accept_ReportsFasterThanASecond_AreNotWorthAWrite()
    {
        var clock = new LessonClock(_time);
        clock.Start();

        Assert.False(clock.Accept(wasActive: true, activeNow: true));
        _time.Advance(LessonClock.MinimumReportGap);
        Assert.True(clock.Accept(wasActive: true, activeNow: true));
        Assert.False(clock.Accept(wasActive: true, activeNow: true));
    }

    [Fact]
    public void Accept_InactiveReport_EndsActiveJustNow()
    {
        var clock = new LessonClock(_time);
        clock.Start();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(clock.Accept(wasActive: false, activeNow: false));
        Assert.False(clock.ActiveJustNow);
    }

    [Fact]
    public void Announce_TimePassingWhileCounting_SaysTheTimeLeftOnceOnly()
    {
        var clock = new LessonClock(_time);
        clock.Start();
        clock.Announce(State(TimeSpan.Zero, TimeSpan.FromMinutes(2)));
        Assert.Equal("2 minutes left before you can complete this lesson.", clock.Announcement);

        _time.Advance(TimeSpan.FromMinutes(1));
        clock.Announce(State(TimeSpan.FromSeconds(40), TimeSpan.FromMinutes(2)));
        Assert.Equal("2 minutes left before you can complete this lesson.", clock.Announcement);
    }

    [Fact]
    public void Announce_MinimumReached_SaysSoAtOnce()
    {
        var clock = new LessonClock(_time);
        clock.Start();
        clock.Announce(State(TimeSpan.Zero, TimeSpan.FromMinutes(1)));
        _time.Advance(TimeSpan.FromSeconds(1));

        clock.Announce(State(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        Assert.Equal("You can now complete this lesson.", clock.Announcement);
    }

    [Fact]
    public void Announce_NoMinimumTime_SaysNothing()
    {
        var clock = new LessonClock(_time);
        clock.Start();
        clock.Announce(State(TimeSpan.Zero, TimeSpan.Zero));
        Assert.Equal("", clock.Announcement);
    }

    [Fact]
    public void IdleAfter_FromConfiguration_IsTheSettingThePageHandsToItsScript()
    {
        using var app = new WebAppFixture().WithWebHostBuilder(b => b.UseSetting("Learning:IdleAfter", "00:05:00"));
        Assert.Equal(TimeSpan.FromMinutes(5), app.Services.GetRequiredService<IOptions<LearningOptions>>().Value.IdleAfter);
    }

    [Fact]
    public void IdleAfter_ShorterThanAHeartbeat_StopsStartUpWithTheSettingNamed()
    {
        using var app = new WebAppFixture().WithWebHostBuilder(b => b.UseSetting("Learning:IdleAfter", "00:00:03"));
        var error = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IOptions<LearningOptions>>());
        Assert.Contains("Learning:IdleAfter", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LessonScript_HasNoIdleRuleOfItsOwn()
    {
        // The one idle rule is Learning:IdleAfter; a constant in the script would be a second one.
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "IaptLearning.Web", "Features", "Learning", "LessonPage.razor.js"));
        Assert.Contains("export function start(dotNet, intervalMs, idleAfterMs)", script, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"idleAfterMs\s*=", script);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IaptLearning.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
