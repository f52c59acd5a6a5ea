namespace IaptLearning.Web.Data;

/// <summary>
/// One learner's record of one lesson, keyed by slugs so that credit survives edits to the
/// module as long as the lesson still exists.
/// </summary>
public class LessonProgress
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string ModuleSlug { get; set; }
    public required string LessonSlug { get; set; }

    public DateTime FirstVisitedAtUtc { get; set; }
    public DateTime LastVisitedAtUtc { get; set; }
    public int VisitCount { get; set; }

    /// <summary>Active time credited by the server, in milliseconds.</summary>
    public long ActiveMilliseconds { get; set; }

    /// <summary>
    /// Server time of the last accepted heartbeat. Every credit is measured from here and moves
    /// it forward, so two tabs on one lesson can never earn more than wall-clock time.
    /// </summary>
    public DateTime? LastCreditedAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>The lesson's content hash when it was completed.</summary>
    public string? CompletedContentHash { get; set; }
}
