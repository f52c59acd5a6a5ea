namespace IaptLearning.Web.Data;

/// <summary>A learner completed a module: the version and content they completed, for the certificate.</summary>
public class ModuleCompletion
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string ModuleSlug { get; set; }
    public required string ModuleVersion { get; set; }
    public required string ContentHash { get; set; }
    public DateTime CompletedAtUtc { get; set; }

    /// <summary>
    /// 0 for the first completion of this module version, then 1, 2, ... for each renewal recorded
    /// on the same version after an earlier completion expired. Unique with the learner, module and
    /// version, so a double submit or two tabs record one completion, never two.
    /// </summary>
    public int RenewalNumber { get; set; }

    // What the learner was shown, kept so a certificate issued later describes this version even
    // if the module has been edited since. Null on rows written before these columns existed.
    public string? ModuleTitle { get; set; }
    public string? ModuleOutcomesJson { get; set; }
    public int? CpdMinutes { get; set; }

    /// <summary>The passing attempt; null for a module with no assessment.</summary>
    public long? AttemptId { get; set; }
    public AssessmentAttempt? Attempt { get; set; }
}
