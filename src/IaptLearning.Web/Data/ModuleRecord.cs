namespace IaptLearning.Web.Data;

/// <summary>
/// One row per person and module that is assigned to them or that they have started: the
/// summary managers' reports read, so a table of 50,000 people pages with indexed columns instead
/// of aggregating lesson progress on every request. Derived data: rebuilt from the learning
/// records and assignments after every save that changes them (<c>ModuleRecordsInterceptor</c>).
/// </summary>
public class ModuleRecord
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string ModuleSlug { get; set; }

    /// <summary>
    /// The person's team and job role when the row was last rebuilt (every move or change of role
    /// rebuilds it), so the dashboard counts from this table alone. Only aggregate counts read
    /// these; who may see a person's row is always decided from the person's current team.
    /// </summary>
    public int? TeamId { get; set; }
    public JobRole? JobRole { get; set; }

    /// <summary>True when at least one live assignment applies.</summary>
    public bool IsAssigned { get; set; }

    /// <summary>End of the earliest due date (UK time) of the assignments that apply, as UTC.</summary>
    public DateTime? DueAtUtc { get; set; }

    /// <summary>
    /// When the person joined, if <see cref="DueAtUtc"/> is a new starter's date (joining plus an
    /// assignment's new-starter days, later than its own date); null when the assignment's date applies.
    /// </summary>
    public DateTime? NewStarterJoinedAtUtc { get; set; }

    /// <summary>The shortest validity of the assignments that apply.</summary>
    public int? ValidityMonths { get; set; }

    public DateTime? StartedAtUtc { get; set; }
    public DateTime? LastActivityAtUtc { get; set; }
    public int LessonsCompleted { get; set; }
    public long ActiveSeconds { get; set; }
    /// <summary>Submitted attempts that count against the attempt limit: those a manager reset do not.</summary>
    public int AttemptCount { get; set; }
    public int? BestScorePercent { get; set; }

    /// <summary>The latest completion (any version).</summary>
    public DateTime? CompletedAtUtc { get; set; }
    public string? CompletedVersion { get; set; }
    public int? CompletedScorePercent { get; set; }

    /// <summary>When the latest completion stops counting (completion plus validity); null if it never does.</summary>
    public DateTime? ExpiresAtUtc { get; set; }

    /// <summary>The certificate for the latest completion, unless revoked.</summary>
    public string? CertificateNumber { get; set; }

    /// <summary>
    /// When the person's minimum-time exemption for this module (or for every module) ends: the latest
    /// of their unrevoked ones, <see cref="DateTime.MaxValue"/> when one never ends, null when there is
    /// none. Readers compare it with now, so an exemption running out needs no write.
    /// </summary>
    public DateTime? MinTimeExemptUntilUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
