using IaptLearning.Web.Features.Releases;

namespace IaptLearning.Web.Tests.Features.Releases;

public sealed class ReleaseDiffTests
{
    private static QuestionOutline Q(string id, string hash) => new(id, "Prompt of " + id, hash);

    private static ReleaseOutline Outline(
        IReadOnlyList<LessonOutline>? lessons = null, AssessmentOutline? assessment = null, string title = "Module", int cpd = 20) =>
        new(title, "1.0.0", cpd,
            lessons ?? [new("intro", "Introduction", 300, null, "h1", [Q("q1", "a")]), new("more", "More", 600, 120, "h2", [])],
            assessment ?? new AssessmentOutline("Final assessment", 80, 2, 3, [Q("b1", "x"), Q("b2", "y")]));

    [Fact]
    public void Between_NoChange_IsEmpty()
    {
        Assert.Empty(ReleaseDiff.Between(Outline(), Outline()));
    }

    [Fact]
    public void Between_NoEarlierRelease_SaysFirstRelease()
    {
        var change = Assert.Single(ReleaseDiff.Between(null, Outline()));
        Assert.Equal("First release: 2 lessons, 1 knowledge check, an assessment of 2 from 2 questions.", change.Text);
    }

    [Fact]
    public void Between_LessonsChanged_ListsEachChangeByLesson()
    {
        var to = Outline(lessons:
        [
            new("intro", "Welcome", 300, null, "h1-changed", [Q("q1", "a")]),
            new("more", "More", 900, null, "h2", []),
            new("extra", "Extra", 60, null, "h3", []),
        ]);

        var texts = ReleaseDiff.Between(Outline(), to).Where(c => c.Area == "Lessons").Select(c => c.Text).ToList();

        Assert.Equal(
        [
            "1. Welcome: title: 'Introduction' becomes 'Welcome'.",
            "1. Welcome: the text has changed.",
            "2. More: duration: '10 minutes' becomes '15 minutes'.",
            "2. More: minimum time: '2 minutes' becomes 'none'.",
            "Added: 3. Extra (1 minute).",
        ], texts);
    }

    [Fact]
    public void Between_LessonRemoved_SaysTimeOnItNoLongerCounts()
    {
        var to = Outline(lessons: [new("intro", "Introduction", 300, null, "h1", [Q("q1", "a")])]);

        var change = Assert.Single(ReleaseDiff.Between(Outline(), to));

        Assert.Equal("Removed: More ('more'). Learners' time on it is kept but no longer counts.", change.Text);
    }

    [Fact]
    public void Between_QuestionsAddedChangedMovedRemoved_AndAssessmentRules()
    {
        var to = Outline(
            lessons: [new("intro", "Introduction", 300, null, "h1", [Q("b1", "x")]), new("more", "More", 600, 120, "h2", [Q("q9", "n")])],
            assessment: new AssessmentOutline("Final assessment", 70, 2, null, [Q("b2", "y-changed"), Q("q1", "a")]));

        var changes = ReleaseDiff.Between(Outline(), to);

        Assert.Equal(
        [
            "Moved from assessment bank to knowledge check in 'Introduction': b1",
            "Added (knowledge check in 'More'): q9: Prompt of q9",
            "Changed (assessment bank): b2: Prompt of b2",
            "Moved from knowledge check in 'Introduction' to assessment bank: q1",
        ], changes.Where(c => c.Area == "Questions").Select(c => c.Text));
        Assert.Equal(
        [
            "Pass mark: '80%' becomes '70%'.",
            "Attempts allowed: '3' becomes 'unlimited'.",
        ], changes.Where(c => c.Area == "Assessment").Select(c => c.Text));
    }

    [Fact]
    public void Between_QuestionRemovedAndAssessmentDropped_AreListed()
    {
        var was = Outline();
        var now = was with { Lessons = [was.Lessons[0] with { Questions = [] }, was.Lessons[1]], Assessment = null, Title = "Renamed", CpdMinutes = 25 };

        var texts = ReleaseDiff.Between(was, now).Select(c => $"{c.Area}: {c.Text}").ToList();

        Assert.Contains("Module: Title: 'Module' becomes 'Renamed'.", texts);
        Assert.Contains("Module: CPD minutes: '20' becomes '25'.", texts);
        Assert.Contains("Questions: Removed (knowledge check in 'Introduction'): q1: Prompt of q1", texts);
        Assert.Contains("Assessment: The assessment is removed.", texts);
    }

    [Fact]
    public void Outline_FromTheSampleModule_RoundTripsThroughJson_AndChangesWithAnAnswerKey()
    {
        var module = new Content.ContentLoader().Load(WebAppFixture.SampleContentPath).FindModule("sample-module")!;
        var outline = ReleaseOutline.From(module);

        var back = ReleaseOutline.FromJson(outline.ToJson())!;

        Assert.Empty(ReleaseDiff.Between(outline, back));
        Assert.Equal(module.Lessons.Select(l => l.Slug), back.Lessons.Select(l => l.Slug));
        Assert.Equal(module.Assessment!.Bank.Length, back.Assessment!.Bank.Count);
    }
}

public sealed class ModuleVersionTests
{
    [Theory]
    [InlineData("1.0.0", 1, 0, 0)]
    [InlineData("2.10.3", 2, 10, 3)]
    public void TryParse_Valid_GivesTheNumbers(string text, int major, int minor, int patch)
    {
        Assert.Equal(new ModuleVersion(major, minor, patch), ModuleVersion.TryParse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1.0")]
    [InlineData("v1.0.0")]
    [InlineData("1.0.0.0")]
    [InlineData("1.-1.0")]
    [InlineData("1.0.x")]
    public void TryParse_Invalid_IsNull(string? text)
    {
        Assert.Null(ModuleVersion.TryParse(text));
    }

    [Fact]
    public void Compare_ByNumberNotText()
    {
        Assert.True(ModuleVersion.TryParse("1.10.0") > ModuleVersion.TryParse("1.9.9"));
        Assert.True(ModuleVersion.TryParse("2.0.0") > ModuleVersion.TryParse("1.99.99"));
        Assert.True(ModuleVersion.TryParse("1.0.1") > ModuleVersion.TryParse("1.0.0"));
    }

    [Fact]
    public void NextChoices_NamesPatchMinorAndMajor()
    {
        Assert.Equal("1.4.3 (a correction), 1.5.0 (new or changed material) or 2.0.0 (earlier completions should no longer count)",
            new ModuleVersion(1, 4, 2).NextChoices());
    }
}
