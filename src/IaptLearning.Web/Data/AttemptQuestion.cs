namespace IaptLearning.Web.Data;

/// <summary>A question drawn for an attempt, in the order shown, with the learner's answer.</summary>
public class AttemptQuestion
{
    public long Id { get; set; }
    public long AttemptId { get; set; }
    public AssessmentAttempt? Attempt { get; set; }

    /// <summary>Zero-based place in the attempt.</summary>
    public int Position { get; set; }

    public required string QuestionId { get; set; }

    /// <summary>Option indexes (as written in the content) in the order shown, comma-separated.</summary>
    public required string OptionOrder { get; set; }

    /// <summary>Chosen option indexes (as written), comma-separated; null when not answered.</summary>
    public string? ChosenOptions { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }
    public bool? IsCorrect { get; set; }
}
