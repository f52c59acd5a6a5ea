using System.Collections.Immutable;

namespace IaptLearning.Content.Model;

public enum QuestionKind
{
    /// <summary>Exactly one correct option: shown as radios.</summary>
    SingleAnswer,

    /// <summary>"Select all that apply": right only when exactly the correct options are chosen.</summary>
    MultipleAnswer,
}

/// <summary>
/// A question parsed from a <c>::: question</c> container. <see cref="QuestionOption.IsCorrect"/>,
/// feedback and the explanation are answer keys: the web app must not send them to the browser
/// before the learner has answered.
/// </summary>
public sealed class Question
{
    /// <summary>The author's id, or one made from the file and place (<c>02-physical-impact--q1</c>, which no author's id can equal).</summary>
    public required string Id { get; init; }

    public bool HasExplicitId { get; init; }

    /// <summary>Tags written after the id (<c>#safety</c>), without the <c>#</c>, in the order written.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The audiences of the <c>::: for</c> section the question is in; empty when it is for everyone.</summary>
    public ImmutableArray<string> Audiences { get; init; } = [];

    public required string PromptHtml { get; init; }
    public required string PromptText { get; init; }
    public ImmutableArray<QuestionOption> Options { get; init; } = [];
    public string? ExplanationHtml { get; init; }

    /// <summary>The file (relative to the module folder) and line the question starts on, for authors.</summary>
    public required string SourceFile { get; init; }

    public int Line { get; init; }

    public QuestionKind Kind => Options.Count(o => o.IsCorrect) > 1 ? QuestionKind.MultipleAnswer : QuestionKind.SingleAnswer;

    /// <summary>True when exactly the correct options, and no others, are chosen.</summary>
    public bool IsAnsweredCorrectly(IEnumerable<int> chosenIndexes)
    {
        ArgumentNullException.ThrowIfNull(chosenIndexes);
        var chosen = chosenIndexes.ToHashSet();
        return Options.All(o => o.IsCorrect == chosen.Contains(o.Index)) && chosen.All(i => i >= 0 && i < Options.Length);
    }
}

public sealed class QuestionOption
{
    /// <summary>Zero-based position as written.</summary>
    public required int Index { get; init; }

    /// <summary>A short hash of the option's text, stable while the text is unchanged (for statistics).</summary>
    public required string Key { get; init; }

    /// <summary>Inline HTML of the option's text.</summary>
    public required string Html { get; init; }

    public required string Text { get; init; }
    public required bool IsCorrect { get; init; }
    public string? FeedbackHtml { get; init; }
}
