using IaptLearning.Content;
using IaptLearning.Web.Features.Catalog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IaptLearning.Web.Tests.Features.Authoring;

public sealed class LiveContentTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "iapt-live-" + Guid.NewGuid().ToString("N"));

    public LiveContentTests() => CopyDirectory(WebAppFixture.SampleContentPath, _root);

    private string Lesson1 => Path.Combine(_root, "sample-module", "01-first-steps.md");

    [Fact]
    public void With_BrokenSave_KeepsLastGoodVersionThenPublishesTheFix()
    {
        var loader = new ContentLoader();
        var state = ContentState.Empty.With(loader.Load(_root));
        var good = state.LastGood["sample-module"];

        File.WriteAllText(Lesson1, File.ReadAllText(Lesson1).Replace("duration: 2m", "duration: soon", StringComparison.Ordinal));
        var broken = state.With(loader.Reload(state.Catalog!, [Lesson1]));
        Assert.True(broken.Catalog!.FindEntry("sample-module")!.HasErrors);
        Assert.Same(good, broken.LastGood["sample-module"]);

        File.WriteAllText(Lesson1, File.ReadAllText(Lesson1).Replace("duration: soon", "duration: 2m", StringComparison.Ordinal).Replace("Read on.", "Read on, fixed.", StringComparison.Ordinal));
        var fixedState = broken.With(loader.Reload(broken.Catalog!, [Lesson1]));
        Assert.NotSame(good, fixedState.LastGood["sample-module"]);
        Assert.Contains("Read on, fixed.", fixedState.LastGood["sample-module"].Lessons[0].Blocks.OfType<Content.Model.HtmlSegment>().Last().Html, StringComparison.Ordinal);
        Assert.Equal(broken.Generation + 1, fixedState.Generation);
    }

    [Fact]
    public void With_ModuleFolderDeleted_DropsTheModule()
    {
        var loader = new ContentLoader();
        var state = ContentState.Empty.With(loader.Load(_root));
        Directory.Delete(Path.Combine(_root, "sample-module"), recursive: true);

        var after = state.With(loader.Load(_root));

        Assert.Empty(after.LastGood);
    }

    [Fact]
    public void Reload_FolderRemoved_KeepsServingAndRecordsTheProblem()
    {
        var service = new ContentService(_root, NullLogger<ContentService>.Instance, TimeProvider.System);
        ContentState? raised = null;
        service.Changed += s => raised = s;
        Directory.Delete(_root, recursive: true);

        service.Reload(null);

        Assert.True(service.State.LastGood.ContainsKey("sample-module"));
        Assert.NotEmpty(service.State.Problems);
        Assert.Same(service.State, raised);
    }

    [Fact]
    public void Reload_DraftModule_PreviewedAsADraft()
    {
        var module = Path.Combine(_root, "sample-module", "module.md");
        File.WriteAllText(module, File.ReadAllText(module).Replace("version: 1.0.0", "version: 1.0.0\nstatus: draft", StringComparison.Ordinal));
        var service = new ContentService(_root, NullLogger<ContentService>.Instance, TimeProvider.System);

        Assert.Equal(Content.Model.ModuleStatus.Draft, service.State.LastGood["sample-module"].Status);
    }

    [Fact]
    public void Add_ManyPathsWithinTheQuietTime_FlushesOnceWithEveryPath()
    {
        var clock = new FakeTimeProvider();
        var flushes = new List<IReadOnlyCollection<string>?>();
        using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(250), flushes.Add, clock);

        debouncer.Add("a.md");
        clock.Advance(TimeSpan.FromMilliseconds(200));
        debouncer.Add("b.md");
        debouncer.Add("a.md");
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Empty(flushes);
        clock.Advance(TimeSpan.FromMilliseconds(60));

        var flushed = Assert.Single(flushes);
        Assert.Equal(["a.md", "b.md"], flushed!.Order());
    }

    [Fact]
    public void Add_NullPath_FlushesAFullReload()
    {
        var clock = new FakeTimeProvider();
        var flushes = new List<IReadOnlyCollection<string>?>();
        using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(250), flushes.Add, clock);

        debouncer.Add("a.md");
        debouncer.Add(null);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        debouncer.Add("c.md");
        clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(2, flushes.Count);
        Assert.Null(flushes[0]);
        Assert.Equal(["c.md"], flushes[1]!);
    }

    [Fact]
    public void SeeAndCompare_SameLessonNewHash_SaysItChanged()
    {
        var seen = new LessonVersionsSeen();
        Assert.False(seen.SeeAndCompare("m", "l", "h1"));
        Assert.False(seen.SeeAndCompare("m", "l", "h1"));
        Assert.True(seen.SeeAndCompare("m", "l", "h2"));
        Assert.False(seen.SeeAndCompare("m", "l", "h2"));
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
