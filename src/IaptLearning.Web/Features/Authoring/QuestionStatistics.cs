using System.Collections.Immutable;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Learning;

namespace IaptLearning.Web.Features.Authoring;

[Flags]
public enum QuestionWarnings
{
    None = 0,

    /// <summary>Facility at or above <see cref="QuestionStatistics.EasyPercent"/>: almost everyone gets it right.</summary>
    AlmostAllRight = 1,

    /// <summary>Facility at or below <see cref="QuestionStatistics.HardPercent"/>: almost everyone gets it wrong.</summary>
    AlmostAllWrong = 2,

    /// <summary>Learners with low scores get it right more often than learners with high scores.</summary>
    NegativeDiscrimination = 4,
}

public enum QuestionPlace
{
    KnowledgeCheck,
    Assessment,
}

/// <summary>One question's figures. Counts only: nothing here says who answered what.</summary>
public sealed record QuestionStat(
    Question Question,
    QuestionPlace Place,
    int Attempts,
    int FirstTries,
    int FirstTriesCorrect,
    ImmutableArray<int> OptionCounts,
    double? Discrimination,
    QuestionWarnings Flags)
{
    /// <summary>Percent of first tries that were right; null before anyone has tried.</summary>
    public double? Facility => FirstTries == 0 ? null : 100.0 * FirstTriesCorrect / FirstTries;
}

public sealed record LessonTimeStat(Lesson Lesson, int Completions, TimeSpan? MedianActiveTime);

public sealed record ModuleStatistics(int RankedLearners, ImmutableArray<QuestionStat> Questions, ImmutableArray<LessonTimeStat> Lessons);

/// <summary>
/// Works out question and lesson statistics from stored answers (definitions in docs/authoring.md,
/// "Reading the statistics"). Plain and deterministic so the figures can be checked by hand.
/// </summary>
public static class QuestionStatistics
{
    public const double EasyPercent = 90;
    public const double HardPercent = 10;

    /// <summary>Fewer first tries than this and facility says too little to flag.</summary>
    public const int MinimumForFlags = 5;

    public static ModuleStatistics Compute(
        ContentModule module,
        IReadOnlyCollection<AssessmentAttempt> attempts,
        IReadOnlyCollection<KnowledgeCheckAnswer> answers,
        IReadOnlyCollection<LessonProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(progress);

        var submitted = attempts.Where(a => a.ModuleSlug == module.Slug && a.SubmittedAtUtc is not null && a.ScorePercent is not null).ToList();
        var (top, bottom, ranked) = Groups(submitted);

        var stats = ImmutableArray.CreateBuilder<QuestionStat>();
        foreach (var lesson in module.Lessons)
        {
            foreach (var question in lesson.Questions)
            {
                var rows = answers.Where(a => a.ModuleSlug == module.Slug && a.LessonSlug == lesson.Slug && a.QuestionId == question.Id).ToList();
                // The first answer to a knowledge check stands, so every answer is a first try.
                var firsts = rows.GroupBy(a => a.UserId, StringComparer.Ordinal).Select(g => (User: g.Key, Correct: g.OrderBy(a => a.AnsweredAtUtc).First().IsCorrect)).ToList();
                stats.Add(Stat(question, QuestionPlace.KnowledgeCheck, rows.Count, firsts, rows.Select(a => a.ChosenOptions), top, bottom));
            }
        }

        foreach (var question in module.Assessment?.Bank ?? [])
        {
            var rows = submitted
                .SelectMany(a => a.Questions.Where(q => q.QuestionId == question.Id).Select(q => (Attempt: a, Question: q)))
                .ToList();
            var firsts = rows.GroupBy(r => r.Attempt.UserId, StringComparer.Ordinal)
                .Select(g => (User: g.Key, Correct: g.OrderBy(r => r.Attempt.Number).First().Question.IsCorrect == true))
                .ToList();
            stats.Add(Stat(question, QuestionPlace.Assessment, rows.Count, firsts, rows.Select(r => r.Question.ChosenOptions), top, bottom));
        }

        var lessons = module.Lessons.Select(lesson =>
        {
            var times = progress
                .Where(p => p.ModuleSlug == module.Slug && p.LessonSlug == lesson.Slug && p.CompletedAtUtc is not null)
                .Select(p => p.ActiveMilliseconds).Order().ToList();
            return new LessonTimeStat(lesson, times.Count, Median(times));
        });

        return new ModuleStatistics(ranked, stats.ToImmutable(), [.. lessons]);
    }

    private static QuestionStat Stat(
        Question question,
        QuestionPlace place,
        int attempts,
        List<(string User, bool Correct)> firsts,
        IEnumerable<string?> choices,
        HashSet<string> top,
        HashSet<string> bottom)
    {
        var counts = new int[question.Options.Length];
        foreach (var index in choices.Where(c => c is not null).SelectMany(c => OptionList.Parse(c!)))
        {
            if (index >= 0 && index < counts.Length)
            {
                counts[index]++;
            }
        }

        var correct = firsts.Count(f => f.Correct);
        double? discrimination = null;
        var inTop = firsts.Where(f => top.Contains(f.User)).ToList();
        var inBottom = firsts.Where(f => bottom.Contains(f.User)).ToList();
        if (inTop.Count > 0 && inBottom.Count > 0)
        {
            discrimination = (double)inTop.Count(f => f.Correct) / inTop.Count - (double)inBottom.Count(f => f.Correct) / inBottom.Count;
        }

        var flags = QuestionWarnings.None;
        if (firsts.Count >= MinimumForFlags)
        {
            var facility = 100.0 * correct / firsts.Count;
            flags |= facility >= EasyPercent ? QuestionWarnings.AlmostAllRight : facility <= HardPercent ? QuestionWarnings.AlmostAllWrong : QuestionWarnings.None;
        }

        if (discrimination < 0)
        {
            flags |= QuestionWarnings.NegativeDiscrimination;
        }

        return new QuestionStat(question, place, attempts, firsts.Count, correct, [.. counts], discrimination, flags);
    }

    /// <summary>
    /// Ranks learners by the score of their first submitted attempt (ties by earlier submission) and
    /// returns the top and bottom thirds (each the whole number below a third of the learners).
    /// </summary>
    private static (HashSet<string> Top, HashSet<string> Bottom, int Ranked) Groups(List<AssessmentAttempt> submitted)
    {
        var firstScores = submitted
            .GroupBy(a => a.UserId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(a => a.Number).First())
            .OrderByDescending(a => a.ScorePercent)
            .ThenBy(a => a.SubmittedAtUtc)
            .ThenBy(a => a.Id)
            .Select(a => a.UserId)
            .ToList();
        var third = firstScores.Count / 3;
        return (
            firstScores.Take(third).ToHashSet(StringComparer.Ordinal),
            firstScores.Skip(firstScores.Count - third).ToHashSet(StringComparer.Ordinal),
            firstScores.Count);
    }

    private static TimeSpan? Median(List<long> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? TimeSpan.FromMilliseconds(sorted[sorted.Count / 2])
        : TimeSpan.FromMilliseconds((sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0);
}
