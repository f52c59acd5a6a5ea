namespace IaptLearning.Web.Data;

public class AssessmentAttempt
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string ModuleSlug { get; set; }

    /// <summary>1 for the learner's first attempt at this module.</summary>
    public int Number { get; set; }

    public required string ModuleVersion { get; set; }
    public required string ContentHash { get; set; }
    public int PassMark { get; set; }

    public DateTime StartedAtUtc { get; set; }

    // What the learner was shown, kept so a certificate issued later describes this version even
    // if the module has been edited since. Null on rows written before these columns existed.
    public string? ModuleTitle { get; set; }
    public string? ModuleOutcomesJson { get; set; }
    public int? CpdMinutes { get; set; }

    /// <summary>Null while the attempt is open. Set once, by a conditional update.</summary>
    public DateTime? SubmittedAtUtc { get; set; }

    public int? CorrectCount { get; set; }
    public int QuestionCount { get; set; }
    public int? ScorePercent { get; set; }
    public bool? Passed { get; set; }

    /// <summary>
    /// Set when a manager resets the learner's attempts: the attempt is kept for the record but no
    /// longer counts against the module's attempt limit.
    /// </summary>
    public DateTime? ResetAtUtc { get; set; }
    public string? ResetByUserId { get; set; }
    public string? ResetReason { get; set; }

    public List<AttemptQuestion> Questions { get; set; } = [];
}
