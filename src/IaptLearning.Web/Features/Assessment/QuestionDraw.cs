using IaptLearning.Content.Model;

namespace IaptLearning.Web.Features.Assessment;

/// <summary>
/// Which bank questions an attempt holds: first, for each draw rule that applies to the learner's
/// audience, random questions with the rule's tag until the attempt holds <see cref="DrawRule.Count"/>
/// of them (a question counts towards every tag it carries); then the rest of the bank, uniformly at
/// random, up to the questions per attempt.
/// </summary>
public static class QuestionDraw
{
    /// <summary>Positions in <paramref name="bank"/>: those the rules asked for first, then the rest, in the order drawn.</summary>
    /// <param name="bank">The assessment's bank.</param>
    /// <param name="count">Questions per attempt; the rules are met even if they ask for more (the validator refuses that).</param>
    /// <param name="rules">The assessment's draw rules.</param>
    /// <param name="audience">The learner's own audience, whatever they choose to see; null: only rules without an audience apply.</param>
    /// <param name="random">The source of randomness, seeded in tests.</param>
    public static List<int> Pick(IReadOnlyList<Question> bank, int count, IEnumerable<DrawRule> rules, string? audience, Random random)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(random);
        var taken = new bool[bank.Count];
        var drawn = new List<int>(count);
        foreach (var rule in rules.Where(r => r.AppliesTo(audience)))
        {
            var missing = rule.Count - drawn.Count(i => bank[i].Tags.Contains(rule.Tag));
            var tagged = Untaken(bank.Count, taken, i => bank[i].Tags.Contains(rule.Tag));
            random.Shuffle(tagged);
            Take(tagged, missing, taken, drawn);
        }

        var rest = Untaken(bank.Count, taken, _ => true);
        random.Shuffle(rest);
        Take(rest, count - drawn.Count, taken, drawn);
        return drawn;
    }

    private static int[] Untaken(int size, bool[] taken, Func<int, bool> wanted) =>
        [.. Enumerable.Range(0, size).Where(i => !taken[i] && wanted(i))];

    private static void Take(int[] candidates, int howMany, bool[] taken, List<int> drawn)
    {
        foreach (var i in candidates.Take(Math.Max(0, howMany)))
        {
            taken[i] = true;
            drawn.Add(i);
        }
    }
}
