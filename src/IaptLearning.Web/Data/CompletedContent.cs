using System.Text.Json;
using IaptLearning.Content.Model;

namespace IaptLearning.Web.Data;

/// <summary>
/// The record of what a learner completed: the version, hash, title, outcomes and CPD minutes of
/// the content they were shown, so a certificate issued later still describes that version.
/// </summary>
public static class CompletedContent
{
    /// <summary>A completion of the module as it is served now (a module with no assessment).</summary>
    public static ModuleCompletion Completion(string userId, ContentModule module, DateTime completedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new ModuleCompletion
        {
            UserId = userId,
            ModuleSlug = module.Slug,
            ModuleVersion = module.Version,
            ContentHash = module.ContentHash,
            ModuleTitle = module.Title,
            ModuleOutcomesJson = WriteOutcomes(module.Outcomes),
            CpdMinutes = module.CpdMinutes,
            CompletedAtUtc = completedAtUtc,
        };
    }

    /// <summary>
    /// A completion by a passing attempt, of the version the attempt started on. Attempts started
    /// before titles and outcomes were kept fall back to <paramref name="module"/> as served.
    /// </summary>
    public static ModuleCompletion Completion(string userId, AssessmentAttempt attempt, ContentModule module, DateTime completedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(module);
        return new ModuleCompletion
        {
            UserId = userId,
            ModuleSlug = module.Slug,
            ModuleVersion = attempt.ModuleVersion,
            ContentHash = attempt.ContentHash,
            ModuleTitle = attempt.ModuleTitle ?? module.Title,
            ModuleOutcomesJson = attempt.ModuleOutcomesJson ?? WriteOutcomes(module.Outcomes),
            CpdMinutes = attempt.CpdMinutes ?? module.CpdMinutes,
            CompletedAtUtc = completedAtUtc,
            AttemptId = attempt.Id,
        };
    }

    /// <summary>A new attempt at the module as it is served now, keeping what the learner is shown.</summary>
    public static AssessmentAttempt Attempt(string userId, ContentModule module, Assessment assessment, int number, DateTime startedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(assessment);
        return new AssessmentAttempt
        {
            UserId = userId,
            ModuleSlug = module.Slug,
            Number = number,
            ModuleVersion = module.Version,
            ContentHash = module.ContentHash,
            ModuleTitle = module.Title,
            ModuleOutcomesJson = WriteOutcomes(module.Outcomes),
            CpdMinutes = module.CpdMinutes,
            PassMark = assessment.PassMark,
            StartedAtUtc = startedAtUtc,
        };
    }

    public static string WriteOutcomes(IEnumerable<string> outcomes) => JsonSerializer.Serialize(outcomes.ToArray());

    public static IReadOnlyList<string>? ReadOutcomes(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
