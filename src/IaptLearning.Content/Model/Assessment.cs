using System.Collections.Immutable;

namespace IaptLearning.Content.Model;

public sealed class Assessment
{
    public required string Title { get; init; }

    /// <summary>Whole percent, 1 to 100.</summary>
    public required int PassMark { get; init; }

    /// <summary>How many questions each attempt draws from the bank.</summary>
    public required int QuestionsPerAttempt { get; init; }

    /// <summary>Null means unlimited.</summary>
    public int? MaxAttempts { get; init; }

    public bool Shuffle { get; init; } = true;
    public TimeSpan? Duration { get; init; }

    /// <summary>Any Markdown in <c>assessment.md</c> outside the questions, rendered.</summary>
    public string IntroHtml { get; init; } = "";

    public ImmutableArray<Question> Bank { get; init; } = [];

    /// <summary>The <c>draw</c> rules, in the order written.</summary>
    public ImmutableArray<DrawRule> Draw { get; init; } = [];
}
