using System.Collections.Immutable;

namespace IaptLearning.Content.Model;

public enum ModuleStatus
{
    Published,
    Draft,
}

/// <summary>A module that loaded without errors: everything the web app needs to serve it.</summary>
public sealed class ContentModule
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string Version { get; init; }
    public ModuleStatus Status { get; init; }
    public ImmutableArray<string> Audience { get; init; } = [];
    public ImmutableArray<string> Outcomes { get; init; } = [];

    /// <summary>CPD minutes stated on the certificate: <c>cpd_minutes</c>, else the rounded-up total duration.</summary>
    public int CpdMinutes { get; init; }

    public bool IssuesCertificate { get; init; } = true;

    /// <summary>The body of <c>module.md</c>, rendered.</summary>
    public required string OverviewHtml { get; init; }

    public ImmutableArray<Lesson> Lessons { get; init; } = [];
    public Assessment? Assessment { get; init; }

    /// <summary>Sum of the lesson durations and the assessment's duration.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The total duration rounded up to a whole minute, as the validator prints it.</summary>
    public int DurationMinutes => (int)Math.Ceiling(Duration.TotalMinutes);

    /// <summary>SHA-256 (lower-case hex) over every file in the module folder, names and bytes.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Files under <c>media/</c> the app may serve, as paths relative to the module folder ("media/x.png").</summary>
    public ImmutableHashSet<string> MediaFiles { get; init; } = ImmutableHashSet<string>.Empty;

    public required string FolderPath { get; init; }

    /// <summary><c>reviewed</c>: who signed the content off, and when.</summary>
    public ContentReview? Reviewed { get; init; }

    /// <summary><c>review_due</c>: when the content must be reviewed again.</summary>
    public DateOnly? ReviewDue { get; init; }

    /// <summary><c>recertify</c>: earlier completions that no longer count as current.</summary>
    public RecertifyRule? Recertify { get; init; }

    /// <summary>True when the module has a <c>for</c> section, a lesson <c>audience</c> or a draw rule with <c>audience</c>.</summary>
    public bool UsesAudiences =>
        Lessons.Any(l => !l.Audiences.IsDefaultOrEmpty || l.Blocks.OfType<AudienceSection>().Any())
        || (Assessment?.Draw.Any(r => r.Audience is not null) ?? false);

    /// <summary>The lessons an audience must complete plus the assessment, rounded up to a whole minute (null audience: every lesson).</summary>
    public int MinutesFor(string? audience)
    {
        var time = Lessons.Where(l => l.IsRequiredFor(audience)).Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Duration)
            + (Assessment?.Duration ?? TimeSpan.Zero);
        return (int)Math.Ceiling(time.TotalMinutes);
    }

    public int KnowledgeCheckCount => Lessons.Sum(l => l.Questions.Length);

    public Lesson? FindLesson(string lessonSlug) =>
        Lessons.FirstOrDefault(l => string.Equals(l.Slug, lessonSlug, StringComparison.Ordinal));

    /// <summary>Every question of the module (knowledge checks, then the assessment bank) by id.</summary>
    public Question? FindQuestion(string id) =>
        Lessons.SelectMany(l => l.Questions).Concat(Assessment?.Bank ?? []).FirstOrDefault(q => q.Id == id);
}
