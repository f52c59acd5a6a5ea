using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Assessment;
using IaptLearning.Web.Tests.Features.Learning;

namespace IaptLearning.Web.Tests.Features.Assessment;

public class QuestionDrawTests
{
    private const int Attempts = 20_000;
    private const int PerAttempt = 6;

    // q0 #safety, q1 #safety #admin, q2 #admin, q3 #admin, q4 to q11 untagged.
    private static readonly Question[] Bank =
    [
        LessonAudienceModels.Question("q0", default, "safety"),
        LessonAudienceModels.Question("q1", default, "safety", "admin"),
        LessonAudienceModels.Question("q2", default, "admin"),
        LessonAudienceModels.Question("q3", default, "admin"),
        .. Enumerable.Range(4, 8).Select(i => LessonAudienceModels.Question($"q{i}")),
    ];

    private static readonly DrawRule[] Rules =
    [
        new("safety", 1, null, 3),
        new("admin", 2, Audiences.Admin, 4),
    ];

    private static int[] Appearances(string? audience, Action<List<int>> eachAttempt)
    {
        var random = new Random(20261207);
        var seen = new int[Bank.Length];
        for (var n = 0; n < Attempts; n++)
        {
            var drawn = QuestionDraw.Pick(Bank, PerAttempt, Rules, audience, random);
            eachAttempt(drawn);
            foreach (var i in drawn)
            {
                seen[i]++;
            }
        }

        return seen;
    }

    private static int Tagged(List<int> drawn, string tag) => drawn.Count(i => Bank[i].Tags.Contains(tag));

    [Fact]
    public void Pick_AdminLearner_MeetsEveryRuleInEveryAttemptAndDrawsTheRestUniformly()
    {
        var seen = Appearances(Audiences.Admin, drawn =>
        {
            Assert.Equal(PerAttempt, drawn.Count);
            Assert.Equal(PerAttempt, drawn.Distinct().Count());
            Assert.True(Tagged(drawn, "safety") >= 1);
            Assert.True(Tagged(drawn, "admin") >= 2);
        });

        // The safety rule takes q0 or q1, each half the time. With q1 (also #admin) one more
        // #admin question is forced and 4 more come from the 10 left; with q0 two are forced
        // and 3 come from the 9 left. So each untagged question is in 1/2 * 4/10 + 1/2 * 3/9 of attempts.
        var expected = Attempts * ((0.5 * 4 / 10) + (0.5 * 3 / 9));
        AssertUniform(seen[4..], expected);
    }

    [Fact]
    public void Pick_LearnerTheAudienceRuleIsNotFor_MeetsOnlyTheirRulesAndDrawsTheRestUniformly()
    {
        var seen = Appearances(Audiences.Step2, drawn =>
        {
            Assert.Equal(PerAttempt, drawn.Count);
            Assert.True(Tagged(drawn, "safety") >= 1);
        });

        // One #safety question is forced; the other 5 come from the 11 left, #admin ones among them.
        AssertUniform(seen[2..], Attempts * 5.0 / 11);
        Assert.True(seen.Sum(n => n) == Attempts * PerAttempt);
    }

    [Fact]
    public void Pick_NoAudienceAndNoRules_IsAPlainUniformDraw()
    {
        var random = new Random(7);
        var seen = new int[Bank.Length];
        for (var n = 0; n < Attempts; n++)
        {
            foreach (var i in QuestionDraw.Pick(Bank, PerAttempt, [], null, random))
            {
                seen[i]++;
            }
        }

        AssertUniform(seen, Attempts * (double)PerAttempt / Bank.Length);
    }

    [Fact]
    public void Pick_RuleAlreadyMetByAnEarlierRule_ForcesNoMore()
    {
        // Two #safety questions, both #admin too: the admin rule is met by the safety rule's picks.
        Question[] bank =
        [
            LessonAudienceModels.Question("s1", default, "safety", "admin"),
            LessonAudienceModels.Question("s2", default, "safety", "admin"),
            LessonAudienceModels.Question("x"),
            LessonAudienceModels.Question("y"),
        ];
        var drawn = QuestionDraw.Pick(bank, 2, [new("safety", 2, null, 1), new("admin", 2, null, 2)], null, new Random(1));
        Assert.Equal([0, 1], drawn.Order());
    }

    [Fact]
    public void Draw_WithRulesAndShuffle_StillMeetsTheRules()
    {
        var assessment = LessonAudienceModels.Module().Assessment!;
        var random = new Random(3);
        for (var n = 0; n < 200; n++)
        {
            var ids = AttemptPlanner.Draw(assessment, random, Audiences.Admin).Select(d => d.QuestionId).ToList();
            Assert.Equal(3, ids.Count);
            Assert.Contains(ids, id => id is "a1" or "a2");
            Assert.True(ids.Count(id => id is "a2" or "a3") >= 2);
        }
    }

    /// <summary>Each count within 5 standard deviations of <paramref name="expected"/>, and a chi-squared test of the counts against each other.</summary>
    private static void AssertUniform(int[] counts, double expected)
    {
        var p = expected / Attempts;
        var sd = Math.Sqrt(Attempts * p * (1 - p));
        Assert.All(counts, c => Assert.InRange(c, expected - (5 * sd), expected + (5 * sd)));

        // Counts compared with their own mean: with k - 1 degrees of freedom, 0.1 % of uniform draws exceed
        // the threshold (k = 8: 24.32; 10: 27.88; 12: 31.26); drawing without replacement only lowers it.
        var mean = counts.Average();
        var chiSquared = counts.Sum(c => (c - mean) * (c - mean) / mean);
        var threshold = counts.Length switch { 8 => 24.32, 10 => 27.88, 12 => 31.26, _ => throw new ArgumentException("No threshold for that many counts.") };
        Assert.True(chiSquared < threshold, $"chi-squared {chiSquared:F2} over {threshold} for {string.Join(", ", counts)}");
    }
}
