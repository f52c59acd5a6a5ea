using System.Collections.Immutable;

namespace IaptLearning.Content.Model;

/// <summary>
/// The audience ids fixed by the content contract (version 2), in the contract's order. A
/// lesson or a <c>::: for</c> section names some of them; the web app maps each job role to one.
/// </summary>
public static class Audiences
{
    public const string Admin = "admin";
    public const string Step2 = "step2";
    public const string Step3 = "step3";
    public const string Supervisor = "supervisor";
    public const string Manager = "manager";

    /// <summary>Every id, in the order the validator prints them.</summary>
    public static ImmutableArray<string> All { get; } = [Admin, Step2, Step3, Supervisor, Manager];

    public static bool IsKnown(string id) => All.Contains(id);

    /// <summary>Who an id stands for, in words a learner reads ("administrative and booking staff").</summary>
    public static string Describe(string id) => id switch
    {
        Admin => "administrative and booking staff",
        Step2 => "psychological wellbeing practitioners",
        Step3 => "high-intensity therapists and counsellors",
        Supervisor => "supervisors",
        Manager => "managers",
        _ => id,
    };

    /// <summary>"administrative and booking staff and psychological wellbeing practitioners".</summary>
    public static string Describe(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var words = ids.Select(Describe).ToList();
        return words.Count switch
        {
            0 => "everyone",
            1 => words[0],
            _ => string.Join(", ", words[..^1]) + " and " + words[^1],
        };
    }

    /// <summary>True when content for <paramref name="audiences"/> (empty: everyone) is for <paramref name="learner"/> (null: everyone's content is theirs).</summary>
    public static bool Includes(ImmutableArray<string> audiences, string? learner) =>
        audiences.IsDefaultOrEmpty || learner is null || audiences.Contains(learner);
}

/// <summary>A draw rule from <c>assessment.md</c>: each attempt holds at least <see cref="Count"/> questions tagged <see cref="Tag"/>.</summary>
/// <param name="Tag">The tag, without its <c>#</c>.</param>
/// <param name="Count">At least 1.</param>
/// <param name="Audience">Null: the rule applies to everyone.</param>
/// <param name="Line">The rule's line in <c>assessment.md</c>.</param>
public sealed record DrawRule(string Tag, int Count, string? Audience, int Line)
{
    public bool AppliesTo(string? audience) => Audience is null || Audience == audience;
}

/// <summary><c>reviewed</c> in <c>module.md</c>: who signed the content off, and when.</summary>
public sealed record ContentReview(string By, DateOnly On);

/// <summary><c>recertify</c> in <c>module.md</c>: completions of versions before <see cref="Below"/> stop counting as current.</summary>
public sealed record RecertifyRule(string Below, int WithinDays, string Reason);
