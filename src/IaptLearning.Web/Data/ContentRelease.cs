namespace IaptLearning.Web.Data;

/// <summary>
/// One published version of a module: what learners are served, frozen when it was published.
/// Immutable except for being withdrawn or served again; its files are kept with it, so nothing
/// in the content folder (an edit, an error, a deleted folder) changes what learners get.
/// </summary>
public class ContentRelease
{
    public long Id { get; set; }
    public required string ModuleSlug { get; set; }

    /// <summary>The module's <c>version</c>; unique per module: no two releases share one.</summary>
    public required string Version { get; set; }

    /// <summary>The module's content hash (SHA-256 over its files' names and bytes), as completions record it.</summary>
    public required string ContentHash { get; set; }

    public required string Title { get; set; }

    public DateTime PublishedAtUtc { get; set; }

    /// <summary>Null when published by the command line, the first start or <c>Content:AutoPublish</c>.</summary>
    public string? PublishedByUserId { get; set; }

    /// <summary>The publisher's email at the time, or "system".</summary>
    public required string PublishedByName { get; set; }

    /// <summary>How it was published: one of <c>ReleaseSources</c> ("author's area", "command line", …).</summary>
    public required string Source { get; set; }

    /// <summary>
    /// When learners started to get this release: its publication, or the last time an admin served
    /// it again. Learners get the release that is not withdrawn with the latest value.
    /// </summary>
    public DateTime ServedFromUtc { get; set; }

    public DateTime? WithdrawnAtUtc { get; set; }
    public string? WithdrawnByName { get; set; }
    public string? WithdrawalReason { get; set; }

    /// <summary>
    /// The parsed model's outline as JSON (<c>ReleaseOutline</c>): lessons with titles, durations and
    /// hashes, questions by id, the assessment's rules. Used to show what a new release changes.
    /// </summary>
    public required string OutlineJson { get; set; }

    /// <summary>
    /// The parsed module as JSON (<c>ReleaseModelJson</c>): what learners are served, rendered as it
    /// was validated. If a later build cannot read it, the release's files are parsed again instead.
    /// </summary>
    public required string ModelJson { get; set; }

    /// <summary>Warnings the validator gave at publication, each acknowledged by the publisher (JSON list of lines).</summary>
    public string? AcknowledgedWarningsJson { get; set; }

    public List<ContentReleaseFile> Files { get; set; } = [];

    public bool IsWithdrawn => WithdrawnAtUtc is not null;
}

/// <summary>One file of a release, byte for byte as validated.</summary>
public class ContentReleaseFile
{
    public long Id { get; set; }
    public long ContentReleaseId { get; set; }

    /// <summary>Relative to the module folder, with forward slashes: "01-intro.md", "media/chart.png".</summary>
    public required string Path { get; set; }

    public required byte[] Bytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/>, checked when the release is read back.</summary>
    public required string Sha256 { get; set; }
}
