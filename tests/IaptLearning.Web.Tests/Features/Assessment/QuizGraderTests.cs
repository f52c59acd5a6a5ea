using System.Collections.Immutable;
using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Assessment;

namespace IaptLearning.Web.Tests.Features.Assessment;

public class QuizGraderTests
{
    internal static Question MakeQuestion(string id, params bool[] correct) => new()
    {
        Id = id,
        PromptHtml = $"<p>{id}?</p>",
        PromptText = $"{id}?",
        SourceFile = "assessment.md",
        Options = [.. correct.Select((c, i) => new QuestionOption { Index = i, Key = $"k{i}", Html = $"Option {i}", Text = $"Option {i}", IsCorrect = c })],
    };

    [Fact]
    public void Grade_AllCorrect_ReturnsFullScoreAndPass()
    {
        var result = QuizGrader.Grade([(MakeQuestion("a", true, false), [0]), (MakeQuestion("b", false, true), [1])], passMark: 80);
        Assert.Equal(2, result.Correct);
        Assert.Equal(100, result.Percent);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Grade_BelowPassMark_Fails()
    {
        var result = QuizGrader.Grade([(MakeQuestion("a", true, false), [1]), (MakeQuestion("b", false, true), [1])], passMark: 80);
        Assert.Equal(1, result.Correct);
        Assert.Equal(50, result.Percent);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Grade_ExactlyPassMark_Passes()
    {
        var result = QuizGrader.Grade([(MakeQuestion("a", true, false), [0]), (MakeQuestion("b", false, true), [0])], passMark: 50);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Grade_TwoThirdsAgainstPassMark67_Fails()
    {
        // 66.67 % must not round up to a pass at 67 %.
        var q = MakeQuestion("a", true, false);
        var result = QuizGrader.Grade([(q, [0]), (q, [0]), (q, [1])], passMark: 67);
        Assert.Equal(66, result.Percent);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Grade_MultipleAnswerPartlyChosen_IsWrong()
    {
        var result = QuizGrader.Grade([(MakeQuestion("m", true, true, false), [0])], passMark: 1);
        Assert.Equal(0, result.Correct);
    }

    [Fact]
    public void Grade_MultipleAnswerWithExtraOption_IsWrong()
    {
        var result = QuizGrader.Grade([(MakeQuestion("m", true, true, false), [0, 1, 2])], passMark: 1);
        Assert.Equal(0, result.Correct);
    }

    [Fact]
    public void Grade_NothingChosen_IsWrong()
    {
        var result = QuizGrader.Grade([(MakeQuestion("a", true, false), ImmutableArray<int>.Empty)], passMark: 1);
        Assert.False(result.Questions[0].IsCorrect);
    }
}
