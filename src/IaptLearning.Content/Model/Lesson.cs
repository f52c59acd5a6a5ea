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

public sealed record Heading(int Level, string Id, string Text);
