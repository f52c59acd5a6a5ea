using IaptLearning.Content.Model;

namespace IaptLearning.Web.Features.Learning;

/// <summary>A question where it stands in a lesson: its number in reading order, and whether the learner may leave it unanswered.</summary>
/// <param name="Question">The lesson's own question object.</param>
/// <param name="Number">1 for the lesson's first question, those in for sections included.</param>
/// <param name="Optional">In a for section of other audiences than the learner's: it may be answered, but need not be.</param>
public sealed record LessonQuestion(Question Question, int Number, bool Optional);
