using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IaptLearning.Content.Model;

namespace IaptLearning.Web.Features.Releases;

/// <summary>
/// What a release holds, in outline: enough of the parsed model to say what a new release changes
/// (lesson titles, durations, text, questions, the assessment's rules) without parsing the files.
/// </summary>
public sealed record ReleaseOutline(
    string Title,
    string Version,
    int CpdMinutes,
    IReadOnlyList<LessonOutline> Lessons,
    AssessmentOutline? Assessment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ReleaseOutline From(ContentModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new ReleaseOutline(
            module.Title,
            module.Version,
            module.CpdMinutes,
            [.. module.Lessons.Select(l => new LessonOutline(l.Slug, l.Title, (int)l.Duration.TotalSeconds, l.MinTime is { } min ? (int)min.TotalSeconds : null, l.ContentHash,
                [.. l.Questions.Select(QuestionOutline.From)]))],
            module.Assessment is { } a
                ? new AssessmentOutline(a.Title, a.PassMark, a.QuestionsPerAttempt, a.MaxAttempts, [.. a.Bank.Select(QuestionOutline.From)])
                : null);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReleaseOutline? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ReleaseOutline>(json, Json);
}

public sealed record LessonOutline(string Slug, string Title, int DurationSeconds, int? MinTimeSeconds, string ContentHash, IReadOnlyList<QuestionOutline> Questions);

public sealed record AssessmentOutline(string Title, int PassMark, int QuestionsPerAttempt, int? MaxAttempts, IReadOnlyList<QuestionOutline> Bank);

/// <summary>A question by id, with a hash of everything that makes it the same question (prompt, options, answer key, feedback).</summary>
public sealed record QuestionOutline(string Id, string Prompt, string Hash)
{
    public static QuestionOutline From(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = new StringBuilder().Append(question.PromptHtml).Append('\0').Append(question.ExplanationHtml);
        foreach (var option in question.Options)
        {
            text.Append('\0').Append(option.Html).Append('\0').Append(option.IsCorrect ? '1' : '0').Append('\0').Append(option.FeedbackHtml);
        }

        var prompt = question.PromptText.Length <= 120 ? question.PromptText : question.PromptText[..119] + "…";
        return new QuestionOutline(question.Id, prompt, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16]);
    }
}
