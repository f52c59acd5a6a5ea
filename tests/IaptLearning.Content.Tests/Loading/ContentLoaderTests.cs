using System.Text;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Model;

namespace IaptLearning.Content.Tests.Loading;

public sealed class ContentLoaderTests
{
    [Fact]
    public void Load_ValidModule_BuildsTheModuleWithNoProblems()
    {
        using var content = new TempContent().WithValidModule();

        var catalog = content.Load();

        Assert.Empty(catalog.Diagnostics);
        var module = Assert.Single(catalog.Modules);
        Assert.Equal("breathing", module.Slug);
        Assert.Equal("Breathing well", module.Title);
        Assert.Equal("1.2.3", module.Version);
        Assert.Equal(ModuleStatus.Published, module.Status);
        Assert.Equal(["Describe breathing pattern disorder"], module.Outcomes.ToArray());
        Assert.True(module.IssuesCertificate);
        var lesson = Assert.Single(module.Lessons);
        Assert.Equal(("first", 1, 0), (lesson.Slug, lesson.Number, lesson.Index));
        Assert.Equal(TimeSpan.FromMinutes(4), lesson.Duration);
        Assert.Equal(TimeSpan.FromMinutes(2), lesson.MinTime);
        Assert.Equal(new Heading(2, "breathing", "Breathing"), Assert.Single(lesson.Headings));
        Assert.Equal("first-check", Assert.Single(lesson.Questions).Id);
        Assert.Contains("/modules/breathing/lessons/first", module.OverviewHtml, StringComparison.Ordinal);
        Assert.Equal(["media/picture.png"], module.MediaFiles);
        Assert.Null(module.Assessment);
    }

    [Fact]
    public void Load_DurationsAndCpd_SumLessonsAndAssessmentRoundedUp()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-second.md", "---\ntitle: Second\nduration: 2m30s\n---\nText.\n");
        content.Write("breathing/assessment.md", "---\npass_mark: 80\nduration: 1m1s\n---\n::: question\nQ?\n\n- [x] A\n- [ ] B\n:::\n");

        var module = content.Load().FindModule("breathing")!;

        Assert.Equal(TimeSpan.FromSeconds(240 + 150 + 61), module.Duration);
        Assert.Equal(8, module.DurationMinutes);
        Assert.Equal(8, module.CpdMinutes);
        Assert.Equal(1, module.Assessment!.QuestionsPerAttempt);
        Assert.Equal("Final assessment", module.Assessment.Title);
        Assert.True(module.Assessment.Shuffle);
        Assert.Null(module.Assessment.MaxAttempts);
    }

    [Fact]
    public void Load_CpdMinutesAndDraftAndNoCertificate_AreRead()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/module.md", "---\ntitle: T\nsummary: S\nversion: 2.0.0\nstatus: draft\ncpd_minutes: 45\ncertificate: false\naudience:\n  - PWPs\n  - Admin staff\n---\nBody\n");

        var module = content.Load().FindModule("breathing")!;

        Assert.Equal((ModuleStatus.Draft, 45, false), (module.Status, module.CpdMinutes, module.IssuesCertificate));
        Assert.Equal(["PWPs", "Admin staff"], module.Audience.ToArray());
        Assert.Empty(content.Load().PublishedModules);
    }

    [Fact]
    public void Load_LessonsOrderedByNumberNotByName()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/10-tenth.md", "---\ntitle: Ten\nduration: 1m\n---\n");
        content.Write("breathing/002-second.md", "---\ntitle: Two\nduration: 1m\n---\n");

        var module = content.Load().FindModule("breathing")!;

        Assert.Equal(["first", "second", "tenth"], module.Lessons.Select(l => l.Slug));
        Assert.Equal([0, 1, 2], module.Lessons.Select(l => l.Index));
    }

    [Fact]
    public void Load_InvalidFolderName_IsReportedWithoutLocation()
    {
        using var content = new TempContent().WithValidModule("Long_Covid");

        var lines = TempContent.Lines(content.Load());

        Assert.Equal(["content/Long_Covid: error IAPT001: module folder name 'Long_Covid' is not a valid slug: use lower-case letters, digits and single hyphens (it becomes the web address), for example 'long-covid'"], lines);
    }

    [Fact]
    public void Load_MissingModuleFile_IsReportedOnTheFolder()
    {
        using var content = new TempContent().WithValidModule();
        content.Delete("breathing/module.md");

        var lines = TempContent.Lines(content.Load());

        Assert.Equal(["content/breathing: error IAPT002: module folder has no module.md: add one with the module's title, summary and version"], lines);
    }

    [Fact]
    public void Load_NoLessons_IsAnError()
    {
        using var content = new TempContent();
        content.Write("empty/module.md", TempContent.ValidModule.Replace("[the first lesson](01-first.md)", "nothing", StringComparison.Ordinal));

        var lines = TempContent.Lines(content.Load());

        Assert.Equal(["content/empty: error IAPT028: module has no lessons: add at least one file named like '01-introduction.md'"], lines);
    }

    [Fact]
    public void Load_TwoLessonsWithTheSameNumber_IsAnErrorOnTheSecond()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/001-again.md", "---\ntitle: Again\nduration: 1m\n---\n");

        var lines = TempContent.Lines(content.Load());

        Assert.Equal(["content/breathing/01-first.md: error IAPT027: lesson number 1 is also used by '001-again.md'; give each lesson its own number"], lines);
    }

    [Fact]
    public void Load_TwoLessonsWithTheSameSlug_IsAnError()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-first.md", "---\ntitle: Again\nduration: 1m\n---\n");

        var lines = TempContent.Lines(content.Load());

        Assert.Equal(["content/breathing/02-first.md: error IAPT027: lesson name 'first' is also used by '01-first.md'; lessons need different names because the name is their web address"], lines);
    }

    [Theory]
    [InlineData("1-short.md", "IAPT025")]
    [InlineData("02_underscore.md", "IAPT025")]
    [InlineData("03-Capital.md", "IAPT025")]
    [InlineData("notes.md", "IAPT026")]
    [InlineData("README.md", "IAPT026")]
    public void Load_OtherMarkdownFiles_AreErrors(string name, string code)
    {
        using var content = new TempContent().WithValidModule();
        content.Write($"breathing/{name}", "---\ntitle: X\nduration: 1m\n---\n");

        var diagnostic = Assert.Single(content.Load().Diagnostics);

        Assert.Equal((code, Severity.Error, $"breathing/{name}", (int?)null), (diagnostic.Code, diagnostic.Severity, diagnostic.Path, diagnostic.Line));
    }

    [Fact]
    public void Load_FileOverOneMebibyte_IsAnError()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-big.md", "---\ntitle: Big\nduration: 1m\n---\n" + new string('a', 1024 * 1024));

        var diagnostic = Assert.Single(content.Load().Diagnostics);

        Assert.Equal(DiagnosticCodes.FileTooLarge, diagnostic.Code);
        Assert.Equal("breathing/02-big.md", diagnostic.Path);
    }

    [Fact]
    public void Load_InvalidUtf8_IsReportedOnTheLineOfTheBadByte()
    {
        using var content = new TempContent().WithValidModule();
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: Bad\nduration: 1m\n---\nFine line.\nBad ")
            .Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" byte.\n")).ToArray();
        content.WriteBytes("breathing/02-bad.md", bytes);

        var lines = TempContent.Lines(content.Load());

        Assert.Equal(["content/breathing/02-bad.md(6): error IAPT003: file is not valid UTF-8; save it as UTF-8 in your editor (the first bad byte is on this line)"], lines);
    }

    [Fact]
    public void Load_ByteOrderMarkAndCrLf_AreAccepted()
    {
        using var content = new TempContent().WithValidModule();
        var text = "---\r\ntitle: Windows\r\nduration: 1m\r\n---\r\n::: question\r\nQ?\r\n\r\n- [x] A\r\n- [ ] B\r\n:::\r\n";
        content.WriteBytes("breathing/02-windows.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var catalog = content.Load();

        Assert.Empty(catalog.Diagnostics);
        Assert.Equal("Windows", catalog.FindModule("breathing")!.Lessons[1].Title);
        Assert.Equal(5, catalog.FindModule("breathing")!.Lessons[1].Questions[0].Line);
    }

    [Fact]
    public void Load_BrokenModule_IsNotServedButOthersAre()
    {
        using var content = new TempContent().WithValidModule("good").WithValidModule("broken");
        content.Write("broken/01-first.md", "no front matter");

        var catalog = content.Load();

        Assert.Equal(["good"], catalog.Modules.Select(m => m.Slug));
        Assert.True(catalog.FindEntry("broken")!.HasErrors);
        Assert.Null(catalog.FindModule("broken"));
        Assert.All(catalog.Diagnostics, d => Assert.StartsWith("broken/", d.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WarningsOnly_ModuleIsStillServed()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-second.md", "---\ntitle: Two\nduration: 1m\ntitel: typo\n---\n");

        var catalog = content.Load();

        Assert.Equal(Severity.Warning, Assert.Single(catalog.Diagnostics).Severity);
        Assert.NotNull(catalog.FindModule("breathing"));
    }

    [Fact]
    public void Load_HiddenFoldersAndFiles_AreIgnored()
    {
        using var content = new TempContent().WithValidModule();
        content.Write(".git/config", "x");
        content.Write("breathing/.notes.md", "scratch");

        Assert.Empty(content.Load().Diagnostics);
    }

    [Fact]
    public void Load_SymbolicLinkInMedia_IsIgnoredWithAWarning()
    {
        using var content = new TempContent().WithValidModule();
        var outside = content.Write("outside.txt", "secret");
        File.CreateSymbolicLink(Path.Combine(content.Root, "breathing/media/link.txt"), outside);

        var catalog = content.Load();

        var diagnostic = Assert.Single(catalog.Diagnostics);
        Assert.Equal((DiagnosticCodes.SymbolicLink, "breathing/media/link.txt"), (diagnostic.Code, diagnostic.Path));
        Assert.DoesNotContain("media/link.txt", catalog.FindModule("breathing")!.MediaFiles);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsContentFolderException()
    {
        var ex = Assert.Throws<ContentFolderException>(() => new ContentLoader().Load("/nonexistent/content-folder"));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHash_ChangesWithAnyFileAndIsStableOtherwise()
    {
        using var content = new TempContent().WithValidModule();
        var first = content.Load().FindModule("breathing")!.ContentHash;

        Assert.Equal(first, content.Load().FindModule("breathing")!.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first);

        content.WriteBytes("breathing/media/picture.png", [1, 2, 3]);
        var afterMedia = content.Load().FindModule("breathing")!.ContentHash;
        Assert.NotEqual(first, afterMedia);

        content.Write("breathing/01-first.md", TempContent.ValidLesson + "\nOne more line.\n");
        Assert.NotEqual(afterMedia, content.Load().FindModule("breathing")!.ContentHash);
    }

    [Fact]
    public void Question_IsAnsweredCorrectly_OnlyForExactlyTheCorrectOptions()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-multi.md", "---\ntitle: M\nduration: 1m\n---\n::: question\nPick.\n\n- [x] A\n- [ ] B\n- [x] C\n:::\n");

        var question = content.Load().FindModule("breathing")!.Lessons[1].Questions[0];

        Assert.Equal(QuestionKind.MultipleAnswer, question.Kind);
        Assert.True(question.IsAnsweredCorrectly([0, 2]));
        Assert.True(question.IsAnsweredCorrectly([2, 0, 0]));
        Assert.False(question.IsAnsweredCorrectly([0]));
        Assert.False(question.IsAnsweredCorrectly([0, 1, 2]));
        Assert.False(question.IsAnsweredCorrectly([0, 2, 7]));
        Assert.False(question.IsAnsweredCorrectly([]));
    }

    [Fact]
    public void Question_OptionKeys_AreStableAcrossReorderingAndDistinct()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-a.md", "---\ntitle: A\nduration: 1m\n---\n::: question q\nPick.\n\n- [x] Apple\n- [ ] Pear\n:::\n");
        var before = content.Load().FindModule("breathing")!.FindQuestion("q")!;
        content.Write("breathing/02-a.md", "---\ntitle: A\nduration: 1m\n---\n::: question q\nPick.\n\n- [ ] Pear\n- [x] Apple\n:::\n");
        var after = content.Load().FindModule("breathing")!.FindQuestion("q")!;

        Assert.Equal(before.Options[0].Key, after.Options[1].Key);
        Assert.NotEqual(before.Options[0].Key, before.Options[1].Key);
    }

    [Fact]
    public void Load_ModuleFolderGivenAsRoot_IsAnError()
    {
        using var content = new TempContent().WithValidModule();

        var catalog = new ContentLoader().Load(Path.Combine(content.Root, "breathing"));

        Assert.Equal(["content: error IAPT040: this folder holds a module.md, so it is a module, not a content folder; give the folder that contains it (for example 'content')"],
            TempContent.Lines(catalog).Take(1));
    }

    [Fact]
    public void Load_MadeQuestionIds_NeverClashWithAuthorIdsOrOtherFiles()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-assessment.md", "---\ntitle: A\nduration: 2m\n---\n::: question\nQ?\n\n- [x] A\n- [ ] B\n:::\n\n::: question assessment-q1\nQ?\n\n- [x] A\n- [ ] B\n:::\n");
        content.Write("breathing/assessment.md", "---\npass_mark: 80\n---\n::: question\nQ?\n\n- [x] A\n- [ ] B\n:::\n");

        var catalog = content.Load();

        Assert.Empty(catalog.Diagnostics);
        var module = catalog.FindModule("breathing")!;
        Assert.Equal(["02-assessment--q1", "assessment-q1"], module.Lessons[1].Questions.Select(q => q.Id));
        Assert.Equal("assessment--q1", module.Assessment!.Bank[0].Id);
    }
}
