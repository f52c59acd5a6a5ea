using IaptLearning.Content.Model;

namespace IaptLearning.Web.Features.Assessment;

public sealed record GradedQuestion(Question Question, IReadOnlyList<int> Chosen, bool IsCorrect);

public sealed record QuizResult(int Correct, int Total, int PassMark, IReadOnlyList<GradedQuestion> Questions)
{
    /// <summary>Rounded down, so 69.9 % is never shown as a pass mark of 70 %.</summary>
    public int Percent => Total == 0 ? 0 : Correct * 100 / Total;

    /// <summary>Compared in whole numbers, so rounding never turns a fail into a pass.</summary>
    public bool Passed => Total > 0 && Correct * 100 >= PassMark * Total;
}

/// <summary>Scores an attempt on the server. A question is right only when exactly its correct options are chosen.</summary>
public static class QuizGrader
{
    public static QuizResult Grade(IEnumerable<(Question Question, IReadOnlyList<int> Chosen)> answers, int passMark)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var graded = answers
            .Select(a => new GradedQuestion(a.Question, a.Chosen, a.Chosen.Count > 0 && a.Question.IsAnsweredCorrectly(a.Chosen)))
            .ToList();
        return new QuizResult(graded.Count(g => g.IsCorrect), graded.Count, passMark, graded);
    }
}
