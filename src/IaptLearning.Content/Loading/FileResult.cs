using System.Collections.Immutable;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Markdown.Extensions.Links;
using IaptLearning.Content.Model;

namespace IaptLearning.Content.Loading;

/// <summary>Everything learned from one Markdown file. Immutable, so a reload can reuse it.</summary>
internal sealed class FileResult
{
    public required string FileInModule { get; init; }
    public required FileKind Kind { get; init; }

    /// <summary>SHA-256 of the file's bytes.</summary>
    public required string BytesHash { get; init; }

    /// <summary>The <see cref="ModuleContext.Key"/> the file was checked against.</summary>
    public required string ContextKey { get; init; }

    public ImmutableArray<ContentDiagnostic> Diagnostics { get; init; } = [];
    public ModuleSettings? Module { get; init; }
    public LessonSettings? Lesson { get; init; }
    public AssessmentSettings? Assessment { get; init; }
    public ImmutableArray<LessonBlock> Blocks { get; init; } = [];
    public ImmutableArray<Question> Questions { get; init; } = [];

    /// <summary>Everything but the questions, rendered.</summary>
    public string Html { get; init; } = "";

    public ImmutableArray<Heading> Headings { get; init; } = [];
    public ImmutableHashSet<string> HeadingIds { get; init; } = ImmutableHashSet<string>.Empty;
    public ImmutableArray<AnchorReference> Anchors { get; init; } = [];
    /// <summary>A lesson's words, estimate and reading ease; null for module.md and assessment.md.</summary>
    public LessonReadability? Readability { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
