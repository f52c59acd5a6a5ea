namespace IaptLearning.Content.Tests.Loading;

public sealed class ReloadTests
{
    [Fact]
    public void Reload_OneChangedLesson_ReparsesOnlyThatFileAndReusesOtherModules()
    {
        using var content = new TempContent().WithValidModule("alpha").WithValidModule("beta");
        content.Write("alpha/02-second.md", "---\ntitle: Second\nduration: 1m\n---\nOld text.\n");
        var loader = new ContentLoader();
        var before = loader.Load(content.Root);

        var changed = content.Write("alpha/02-second.md", "---\ntitle: Second\nduration: 1m\n---\nNew text.\n");
        var after = loader.Reload(before, [changed]);

        Assert.Same(before.FindEntry("beta"), after.FindEntry("beta"));
        var oldAlpha = before.FindEntry("alpha")!.Snapshot.Results;
        var newAlpha = after.FindEntry("alpha")!.Snapshot.Results;
        Assert.Same(oldAlpha["01-first.md"], newAlpha["01-first.md"]);
        Assert.Same(oldAlpha["module.md"], newAlpha["module.md"]);
        Assert.NotSame(oldAlpha["02-second.md"], newAlpha["02-second.md"]);
        Assert.Contains("New text.", ((Model.HtmlSegment)after.FindModule("alpha")!.Lessons[1].Blocks[0]).Html, StringComparison.Ordinal);
        Assert.NotEqual(before.FindModule("alpha")!.ContentHash, after.FindModule("alpha")!.ContentHash);
    }

    [Fact]
    public void Reload_NewAndDeletedModules_AreNoticed()
    {
        using var content = new TempContent().WithValidModule("alpha");
        var loader = new ContentLoader();
        var before = loader.Load(content.Root);

        content.WithValidModule("gamma");
        Directory.Delete(Path.Combine(content.Root, "alpha"), recursive: true);
        var after = loader.Reload(before, [Path.Combine(content.Root, "gamma", "module.md"), Path.Combine(content.Root, "alpha")]);

        Assert.Equal(["gamma"], after.Modules.Select(m => m.Slug));
    }

    [Fact]
    public void Reload_NewLessonFile_RechecksLinksInOtherFiles()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-second.md", "---\ntitle: Second\nduration: 1m\n---\nSee [next](03-third.md).\n");
        var loader = new ContentLoader();
        var before = loader.Load(content.Root);
        Assert.Contains(before.Diagnostics, d => d.Code == "IAPT020");

        var added = content.Write("breathing/03-third.md", "---\ntitle: Third\nduration: 1m\n---\nHello.\n");
        var after = loader.Reload(before, [added]);

        Assert.Empty(after.Diagnostics);
        Assert.Equal(3, after.FindModule("breathing")!.Lessons.Length);
    }

    [Fact]
    public void Reload_BreakingSave_ReportsProblemAndFixRestoresModule()
    {
        using var content = new TempContent().WithValidModule();
        var loader = new ContentLoader();
        var good = loader.Load(content.Root);

        var path = content.Write("breathing/01-first.md", "---\ntitle: First\n---\n");
        var broken = loader.Reload(good, [path]);
        Assert.Null(broken.FindModule("breathing"));
        Assert.Contains(broken.Diagnostics, d => d.Code == "IAPT007");
        Assert.NotNull(good.FindModule("breathing"));

        content.Write("breathing/01-first.md", TempContent.ValidLesson);
        var fixedCatalog = loader.Reload(broken, [path]);
        Assert.Empty(fixedCatalog.Diagnostics);
        Assert.Equal(good.FindModule("breathing")!.ContentHash, fixedCatalog.FindModule("breathing")!.ContentHash);
    }

    [Fact]
    public void Reload_PathOutsideRoot_ChangesNothing()
    {
        using var content = new TempContent().WithValidModule();
        var loader = new ContentLoader();
        var before = loader.Load(content.Root);

        var after = loader.Reload(before, ["/tmp/elsewhere.md"]);

        Assert.Same(before.FindEntry("breathing"), after.FindEntry("breathing"));
    }
}
