using IaptLearning.Content.Model;
using ContentAssessment = IaptLearning.Content.Model.Assessment;

namespace IaptLearning.Web.Features.Assessment;

/// <summary>A question as drawn for one attempt: its id and its options' written indexes in the order shown.</summary>
public sealed record DrawnQuestion(string QuestionId, IReadOnlyList<int> OptionOrder);

/// <summary>Draws the questions for an attempt as <c>assessment.md</c> asks.</summary>
public static class AttemptPlanner
{
    /// <param name="assessment">The assessment to draw from.</param>
    /// <param name="random">The source of randomness, seeded in tests.</param>
    /// <param name="audience">The learner's own audience, for the draw rules that name one.</param>
    public static IReadOnlyList<DrawnQuestion> Draw(ContentAssessment assessment, Random random, string? audience = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(random);
        var bank = assessment.Bank;
        var count = Math.Clamp(assessment.QuestionsPerAttempt, 1, bank.Length);

        // Draw at random in every case; without shuffle the drawn questions keep the bank's order,
        // with it the questions the rules asked for are not always the first.
        var drawn = QuestionDraw.Pick(bank, count, assessment.Draw, audience, random).ToArray();
        if (assessment.Shuffle)
        {
            random.Shuffle(drawn);
        }
        else
        {
            Array.Sort(drawn);
        }

        return [.. drawn.Select(i => Plan(bank[i], assessment.Shuffle, random))];
    }

    private static DrawnQuestion Plan(Question question, bool shuffle, Random random)
    {
        var order = question.Options.Select(o => o.Index).ToArray();
        if (shuffle)
        {
            random.Shuffle(order);
        }

        return new DrawnQuestion(question.Id, order);
    }
}
