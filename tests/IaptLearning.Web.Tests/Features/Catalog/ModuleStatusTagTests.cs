using Bunit;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Catalog;

namespace IaptLearning.Web.Tests.Features.Catalog;

public class ModuleStatusTagTests : BunitContext
{
    [Fact]
    public void Render_NotStarted_SaysSoInText() =>
        Assert.Equal("Not started", Render<ModuleStatusTag>(p => p.Add(c => c.Progress, ModuleProgress.None)).Find("strong").TextContent);

    [Fact]
    public void Render_InProgress_ShowsPercent()
    {
        var progress = new ModuleProgress(ModuleStatusForLearner.InProgress, 40, null, TimeSpan.Zero, new Dictionary<string, LessonProgress>());
        Assert.Equal("In progress: 40% done", Render<ModuleStatusTag>(p => p.Add(c => c.Progress, progress)).Find("strong").TextContent);
    }

    [Fact]
    public void Render_CompletedInSummer_ShowsUkDateInLondonTime()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
        var progress = new ModuleProgress(ModuleStatusForLearner.Completed, 100, new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc), TimeSpan.Zero, new Dictionary<string, LessonProgress>());
        Assert.Equal("Completed on 1 July 2026", Render<ModuleStatusTag>(p => p.Add(c => c.Progress, progress)).Find("strong").TextContent);
    }

    [Fact]
    public void Render_CompletedEarlierMajor_NamesTheVersionAndSaysANewOneIsAvailable()
    {
        var progress = new ModuleProgress(ModuleStatusForLearner.Completed, 100, new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc), TimeSpan.Zero, new Dictionary<string, LessonProgress>(), "1.0.0", "2.0.0");
        Assert.Equal("Completed version 1.0.0 on 10 January 2026 — a new version is available", Render<ModuleStatusTag>(p => p.Add(c => c.Progress, progress)).Find("strong").TextContent);
    }

    [Fact]
    public void Render_CompletedEarlierMinor_StillCompleted()
    {
        var progress = new ModuleProgress(ModuleStatusForLearner.Completed, 100, new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc), TimeSpan.Zero, new Dictionary<string, LessonProgress>(), "1.0.0", "1.4.2");
        Assert.Equal("Completed on 10 January 2026", Render<ModuleStatusTag>(p => p.Add(c => c.Progress, progress)).Find("strong").TextContent);
    }
}
