using IaptLearning.Web.Features.Assessment;
using ContentAssessment = IaptLearning.Content.Model.Assessment;

namespace IaptLearning.Web.Tests.Features.Assessment;

public class AttemptPlannerTests
{
    private static ContentAssessment MakeAssessment(int bank, int perAttempt, bool shuffle) => new()
    {
        Title = "Final assessment",
        PassMark = 70,
        QuestionsPerAttempt = perAttempt,
        Shuffle = shuffle,
        Bank = [.. Enumerable.Range(0, bank).Select(i => QuizGraderTests.MakeQuestion($"q{i}", true, false, false, false))],
    };

    [Fact]
    public void Draw_QuestionsPerAttempt_DrawsThatManyDistinct()
    {
        var drawn = AttemptPlanner.Draw(MakeAssessment(14, 10, shuffle: true), new Random(1));
        Assert.Equal(10, drawn.Count);
        Assert.Equal(10, drawn.Select(d => d.QuestionId).Distinct().Count());
    }

    [Fact]
    public void Draw_Shuffle_ReordersOptionsAsAPermutation()
    {
        var drawn = AttemptPlanner.Draw(MakeAssessment(14, 14, shuffle: true), new Random(7));
        Assert.All(drawn, d => Assert.Equal([0, 1, 2, 3], d.OptionOrder.Order()));
        Assert.Contains(drawn, d => !d.OptionOrder.SequenceEqual([0, 1, 2, 3]));
    }

    [Fact]
    public void Draw_NoShuffle_KeepsBankAndOptionOrder()
    {
        var drawn = AttemptPlanner.Draw(MakeAssessment(14, 5, shuffle: false), new Random(3));
        var positions = drawn.Select(d => int.Parse(d.QuestionId[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.All(drawn, d => Assert.Equal([0, 1, 2, 3], d.OptionOrder));
    }

    [Fact]
    public void Draw_DifferentSeeds_DrawDifferentSets()
    {
        var sets = Enumerable.Range(0, 10)
            .Select(seed => string.Join(',', AttemptPlanner.Draw(MakeAssessment(14, 5, shuffle: false), new Random(seed)).Select(d => d.QuestionId)))
            .Distinct()
            .Count();
        Assert.True(sets > 1);
    }
}
