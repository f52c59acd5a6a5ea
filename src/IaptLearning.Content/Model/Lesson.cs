using System.Collections.Immutable;

namespace IaptLearning.Content.Model;

public sealed class Lesson
{
    /// <summary>The number prefix of the file name (<c>01</c> in <c>01-intro.md</c>).</summary>
    public required int Number { get; init; }

    /// <summary>Zero-based position in the module.</summary>
    public required int Index { get; init; }

    public required string Slug { get; init; }
    public required string FileName { get; init; }
    public required string Title { get; init; }
    public required TimeSpan Duration { get; init; }

    /// <summary>Active time needed before the lesson counts as done; null when the lesson sets none.</summary>
    public TimeSpan? MinTime { get; init; }

    /// <summary>The lesson's <c>audience</c>: empty when it is for everyone; otherwise optional for the rest.</summary>
    public ImmutableArray<string> Audiences { get; init; } = [];

    /// <summary>What <c>iapt validate --report</c> prints for the lesson: its words, estimate and reading ease.</summary>
    public LessonReadability? Readability { get; init; }

    /// <summary>True when the learner's audience must complete the lesson (null audience: everyone must).</summary>
    public bool IsRequiredFor(string? audience) => Model.Audiences.Includes(Audiences, audience);

    /// <summary>The lesson body in reading order: rendered HTML between knowledge checks.</summary>
    public ImmutableArray<LessonBlock> Blocks { get; init; } = [];

    public ImmutableArray<Question> Questions { get; init; } = [];

    /// <summary>Level 2 and 3 headings, for a table of contents.</summary>
    public ImmutableArray<Heading> Headings { get; init; } = [];

    public required string ContentHash { get; init; }
}

public abstract record LessonBlock;

/// <summary>Rendered, safe HTML: raw HTML from the source is escaped, links are checked and rewritten.</summary>
public sealed record HtmlSegment(string Html) : LessonBlock;

public sealed record QuestionSegment(Question Question) : LessonBlock;

/// <summary>A <c>::: for</c> section: shown in place to its audiences, collapsed for everyone else.</summary>
public sealed record AudienceSection(ImmutableArray<string> Audiences, ImmutableArray<LessonBlock> Blocks) : LessonBlock;

/// <summary>A lesson's prose measured as the estimate rule of the contract counts it.</summary>
/// <param name="Words">Every word a learner may read in the body.</param>
/// <param name="KnowledgeChecks">Questions in the lesson.</param>
/// <param name="FleschReadingEase">Flesch reading ease of the prose (higher is easier; 60 to 70 is plain English).</param>
/// <param name="LongestSentences">The five longest sentences, longest first, with their word counts.</param>
public sealed record LessonReadability(int Words, int KnowledgeChecks, double FleschReadingEase, ImmutableArray<Sentence> LongestSentences)
{
    /// <summary>200 words a minute plus 45 seconds per knowledge check.</summary>
    public TimeSpan Estimate => TimeSpan.FromSeconds(Math.Round(Words * 60.0 / 200.0) + (45 * KnowledgeChecks));
}

public sealed record Heading(int Level, string Id, string Text);

/// <summary>A sentence of a lesson's prose and how many words it has.</summary>
public sealed record Sentence(int Words, string Text);
