using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Authoring;

namespace IaptLearning.Web.Tests.Features.Authoring;

/// <summary>
/// Six learners on the sample module. First attempts score u1 100, u2 100, u3 50, u4 50, u5 0, u6 0,
/// so the top third is u1 and u2 and the bottom third u5 and u6. u5 passes a second attempt; u6
/// has an open attempt that must not count. The expected figures are worked by hand in comments.
/// </summary>
public class QuestionStatisticsTests
{
    private static readonly ContentModule Module = new IaptLearning.Content.ContentLoader().Load(WebAppFixture.SampleContentPath).FindModule("sample-module")!;

    private static readonly DateTime T0 = new(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc);
    private static long _ids;

    private static AssessmentAttempt Attempt(string user, int number, int? score, params (string Id, string? Chosen, bool Correct)[] questions) => new()
    {
        Id = ++_ids,
        UserId = user,
        ModuleSlug = "sample-module",
        Number = number,
        ModuleVersion = "1.0.0",
        ContentHash = "x",
        StartedAtUtc = T0,
        SubmittedAtUtc = score is null ? null : T0.AddMinutes(_ids),
        ScorePercent = score,
        QuestionCount = questions.Length,
        Questions = [.. questions.Select((q, i) => new AttemptQuestion { Position = i, QuestionId = q.Id, OptionOrder = "0,1", ChosenOptions = q.Chosen, IsCorrect = q.Correct })],
    };

    private static KnowledgeCheckAnswer Answer(string user, string lesson, string question, string chosen, bool correct) => new()
    {
        UserId = user, ModuleSlug = "sample-module", LessonSlug = lesson, QuestionId = question, ChosenOptions = chosen, IsCorrect = correct, AnsweredAtUtc = T0,
    };

    private static LessonProgress Progress(string user, string lesson, long ms, bool completed, string module = "sample-module") => new()
    {
        UserId = user, ModuleSlug = module, LessonSlug = lesson, ActiveMilliseconds = ms, CompletedAtUtc = completed ? T0 : null,
    };

    private static ModuleStatistics Compute()
    {
        AssessmentAttempt[] attempts =
        [
            Attempt("u1", 1, 100, ("a-one", "0", true), ("a-two", "1", true)),
            Attempt("u2", 1, 100, ("a-one", "0", true), ("a-three", "0,2", true)),
            Attempt("u3", 1, 50, ("a-one", "1", false), ("a-two", "1", true)),
            Attempt("u4", 1, 50, ("a-two", "0", false), ("a-three", "0,2", true)),
            Attempt("u5", 1, 0, ("a-one", "1", false), ("a-two", "0", false)),
            Attempt("u5", 2, 100, ("a-one", "0", true), ("a-two", "1", true)),
            Attempt("u6", 1, 0, ("a-two", "0", false), ("a-three", "1", false)),
            Attempt("u6", 2, null, ("a-one", "1", false), ("a-two", null, false)),
        ];
        KnowledgeCheckAnswer[] answers =
        [
            .. new[] { "u1", "u2", "u3", "u4", "u5", "u6" }.Select(u => Answer(u, "first-steps", "first-check", "1", true)),
            Answer("u1", "second-steps", "second-check", "2", false),
            Answer("u2", "second-steps", "second-check", "2", false),
            Answer("u3", "second-steps", "second-check", "0", false),
            Answer("u5", "second-steps", "second-check", "0,1", true),
            Answer("u6", "second-steps", "second-check", "0,1", true),
        ];
        LessonProgress[] progress =
        [
            Progress("u1", "first-steps", 60_000, true),
            Progress("u2", "first-steps", 120_000, true),
            Progress("u3", "first-steps", 90_000, true),
            Progress("u4", "first-steps", 999_999, false),
            Progress("u1", "second-steps", 60_000, true),
            Progress("u2", "second-steps", 180_000, true),
            Progress("u1", "first-steps", 5_000, true, module: "another-module"),
        ];
        return QuestionStatistics.Compute(Module, attempts, answers, progress);
    }

    private static QuestionStat Stat(string id) => Compute().Questions.Single(q => q.Question.Id == id);

    [Fact]
    public void Compute_SixLearners_RanksEveryoneWithASubmittedAttempt() => Assert.Equal(6, Compute().RankedLearners);

    [Fact]
    public void Compute_AssessmentQuestion_CountsFirstTriesOnlyForFacility()
    {
        // a-one: answered in u1, u2, u3, u5 (twice) submitted attempts = 5; u6's open attempt is ignored.
        // First tries u1 right, u2 right, u3 wrong, u5 wrong: 2 of 4 = 50%.
        // Options: "Sample" by u1, u2, u5's second = 3; "Not a sample" by u3, u5's first = 2.
        // Top third (u1, u2) 2/2 = 1; bottom third (u5; u6 never had it) 0/1 = 0: D = 1.
        var stat = Stat("a-one");
        Assert.Equal(QuestionPlace.Assessment, stat.Place);
        Assert.Equal(5, stat.Attempts);
        Assert.Equal(4, stat.FirstTries);
        Assert.Equal(50, stat.Facility);
        Assert.Equal([3, 2], stat.OptionCounts.ToArray());
        Assert.Equal(1.0, stat.Discrimination);
        Assert.Equal(QuestionWarnings.None, stat.Flags);
        Assert.Equal("assessment.md", stat.Question.SourceFile);
        Assert.True(stat.Question.Line > 0);
    }

    [Fact]
    public void Compute_AssessmentQuestionTwo_MatchesHandWorkedValues()
    {
        // a-two: u1 right, u3 right, u4 wrong, u5 wrong then right, u6 wrong: 6 attempts, 2 of 5 first tries = 40%.
        // Options "Fake" u4, u5, u6 = 3; "Real" u1, u3, u5 = 3. Top: u1 1/1; bottom: u5, u6 0/2: D = 1.
        var stat = Stat("a-two");
        Assert.Equal(6, stat.Attempts);
        Assert.Equal(5, stat.FirstTries);
        Assert.Equal(40, stat.Facility);
        Assert.Equal([3, 3], stat.OptionCounts.ToArray());
        Assert.Equal(1.0, stat.Discrimination);
    }

    [Fact]
    public void Compute_MultipleAnswerQuestion_CountsEveryChosenOption()
    {
        // a-three: u2 "0,2" right, u4 "0,2" right, u6 "1" wrong: options 2, 1, 2; 2 of 3 right.
        var stat = Stat("a-three");
        Assert.Equal([2, 1, 2], stat.OptionCounts.ToArray());
        Assert.Equal(200.0 / 3, stat.Facility!.Value, 6);
        Assert.Equal(1.0, stat.Discrimination);
    }

    [Fact]
    public void Compute_KnowledgeCheckEveryoneRight_FlagsAlmostAllRight()
    {
        // first-check: 6 of 6 right (at least 5 tries, 100% >= 90%); both thirds all right: D = 0.
        var stat = Stat("first-check");
        Assert.Equal(QuestionPlace.KnowledgeCheck, stat.Place);
        Assert.Equal(100, stat.Facility);
        Assert.Equal([0, 6], stat.OptionCounts.ToArray());
        Assert.Equal(0.0, stat.Discrimination);
        Assert.Equal(QuestionWarnings.AlmostAllRight, stat.Flags);
        Assert.Equal("01-first-steps.md", stat.Question.SourceFile);
    }

    [Fact]
    public void Compute_KnowledgeCheckWeakerLearnersDoBetter_FlagsNegativeDiscrimination()
    {
        // second-check: u1, u2 wrong (top 0/2), u5, u6 right (bottom 2/2): D = -1; 2 of 5 = 40%.
        var stat = Stat("second-check");
        Assert.Equal(40, stat.Facility);
        Assert.Equal([3, 2, 2], stat.OptionCounts.ToArray());
        Assert.Equal(-1.0, stat.Discrimination);
        Assert.Equal(QuestionWarnings.NegativeDiscrimination, stat.Flags);
    }

    [Fact]
    public void Compute_Lessons_MedianOfCompletedRowsOfThisModule()
    {
        var lessons = Compute().Lessons;
        // first-steps: 60, 90, 120 s completed (the unfinished row and the other module's are left out): median 90 s.
        Assert.Equal(3, lessons[0].Completions);
        Assert.Equal(TimeSpan.FromSeconds(90), lessons[0].MedianActiveTime);
        // second-steps: 60 and 180 s: median of an even count is the mean of the middle two, 120 s.
        Assert.Equal(TimeSpan.FromSeconds(120), lessons[1].MedianActiveTime);
    }

    [Fact]
    public void Compute_FewerThanThreeLearners_NoDiscrimination()
    {
        var stats = QuestionStatistics.Compute(Module, [Attempt("u1", 1, 100, ("a-one", "0", true)), Attempt("u2", 1, 0, ("a-one", "1", false))], [], []);
        Assert.Null(stats.Questions.Single(q => q.Question.Id == "a-one").Discrimination);
        Assert.Null(stats.Questions.Single(q => q.Question.Id == "a-two").Facility);
    }

    [Fact]
    public void Write_Csv_HasNoLearnerAndOneRowPerQuestionAndLesson()
    {
        var csv = StatisticsCsv.Write(Compute());
        Assert.DoesNotContain("u1", csv, StringComparison.Ordinal);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 5 + 2, lines.Length);
        Assert.Contains("assessment question,a-one,assessment.md,", lines[3], StringComparison.Ordinal);
        Assert.Contains(",50.0,1.00,A: 3 (correct); B: 2,", lines[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+44", "'+44")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("plain", "plain")]
    public void Cell_Value_NeutralisesFormulasAndQuotes(string value, string expected) => Assert.Equal(expected, Csv.Cell(value));
}
