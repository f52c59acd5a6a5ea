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

    /// <summary>The passing attempt; null for a module with no assessment.</summary>
    public long? AttemptId { get; set; }
    public AssessmentAttempt? Attempt { get; set; }
}
