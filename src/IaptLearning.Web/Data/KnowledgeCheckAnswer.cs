namespace IaptLearning.Web.Data;

/// <summary>A learner's answer to a knowledge check in a lesson; the first answer stands.</summary>
public class KnowledgeCheckAnswer
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string ModuleSlug { get; set; }
    public required string LessonSlug { get; set; }
    public required string QuestionId { get; set; }

    /// <summary>Option indexes as written in the content, comma-separated ("0,2").</summary>
    public required string ChosenOptions { get; set; }

    public bool IsCorrect { get; set; }
    public DateTime AnsweredAtUtc { get; set; }
}
