using System.Globalization;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Learning;
using IaptLearning.Web.Features.Releases;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Catalog;

public enum ModuleStatusForLearner
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>One learner's progress on one module, as the catalogue and module page show it.</summary>
public sealed record ModuleProgress(
    ModuleStatusForLearner Status,
    int PercentComplete,
    DateTime? CompletedAtUtc,
    TimeSpan TimeSpent,
    IReadOnlyDictionary<string, LessonProgress> Lessons,
    string? CompletedVersion = null,
    string? CurrentVersion = null,
    LearnerAudience? Audience = null)
{
    /// <summary>
    /// The learner completed an earlier MAJOR version (docs/authoring.md, "Versions"): the
    /// completion stays valid for the version it names, and a newer version is available.
    /// </summary>
    public bool CompletedEarlierMajor =>
        Status == ModuleStatusForLearner.Completed && CompletedVersion is not null && CurrentVersion is not null
        && !string.Equals(Major(CompletedVersion), Major(CurrentVersion), StringComparison.Ordinal);

    /// <summary>
    /// The MAJOR number as text. A version the validator accepts parses; anything else (a version
    /// recorded in another form) falls back to the text before the first dot, as it always has.
    /// </summary>
    private static string Major(string version) =>
        ModuleVersion.TryParse(version)?.Major.ToString(CultureInfo.InvariantCulture) ?? version.Split('.')[0];

    public static readonly ModuleProgress None = new(ModuleStatusForLearner.NotStarted, 0, null, TimeSpan.Zero, new Dictionary<string, LessonProgress>());

    public bool IsLessonDone(Lesson lesson) =>
        lesson is not null && Lessons.TryGetValue(lesson.Slug, out var p) && p.CompletedAtUtc is not null;

    /// <summary>True unless the lesson is for other audiences than the learner's: then it is optional for them.</summary>
    public bool IsRequired(Lesson lesson) => (Audience ?? LearnerAudience.Everyone).MustComplete(lesson);

    /// <summary>Every lesson the learner must complete is done (optional ones need not be).</summary>
    public bool AllLessonsDone(ContentModule module) => module is not null && module.Lessons.Where(IsRequired).All(IsLessonDone);

    /// <summary>Where Start or Continue goes: the most recently visited unfinished lesson, else the first unfinished one (optional lessons aside).</summary>
    public string ContinueAddress(ContentModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var unfinished = module.Lessons.Where(l => IsRequired(l) && !IsLessonDone(l)).ToList();
        if (unfinished.Count == 0)
        {
            return module.Assessment is null ? Content.ContentAddresses.Module(module.Slug) : Content.ContentAddresses.Assessment(module.Slug);
        }

        var recent = unfinished
            .Where(l => Lessons.ContainsKey(l.Slug))
            .OrderByDescending(l => Lessons[l.Slug].LastVisitedAtUtc)
            .FirstOrDefault();
        return Content.ContentAddresses.Lesson(module.Slug, (recent ?? unfinished[0]).Slug);
    }
}

public sealed class ModuleProgressReader(IDbContextFactory<AppDbContext> factory)
{
    public async Task<IReadOnlyDictionary<string, ModuleProgress>> ReadAsync(string userId, IEnumerable<ContentModule> modules, CancellationToken cancellationToken = default)
    {
        var list = modules.ToList();
        var slugs = list.Select(m => m.Slug).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var lessons = await db.LessonProgress.AsNoTracking()
            .Where(p => p.UserId == userId && slugs.Contains(p.ModuleSlug))
            .ToListAsync(cancellationToken);
        var completions = await db.ModuleCompletions.AsNoTracking()
            .Where(c => c.UserId == userId && slugs.Contains(c.ModuleSlug))
            .ToListAsync(cancellationToken);
        var started = await db.AssessmentAttempts.AsNoTracking()
            .Where(a => a.UserId == userId && slugs.Contains(a.ModuleSlug))
            .Select(a => a.ModuleSlug).Distinct()
            .ToListAsync(cancellationToken);
        var audience = await LearnerAudience.ReadAsync(db, userId, cancellationToken);

        var result = new Dictionary<string, ModuleProgress>(StringComparer.Ordinal);
        foreach (var module in list)
        {
            var rows = lessons.Where(p => p.ModuleSlug == module.Slug).ToDictionary(p => p.LessonSlug, StringComparer.Ordinal);
            // A completion counts for the version it names; any version's completion is shown as completed.
            var completion = completions.Where(c => c.ModuleSlug == module.Slug).OrderByDescending(c => c.CompletedAtUtc).FirstOrDefault();
            var current = module.Lessons.Where(l => rows.ContainsKey(l.Slug)).Select(l => rows[l.Slug]).ToList();
            // Lessons for other audiences are optional: not steps towards completion.
            var required = module.Lessons.Where(audience.MustComplete).Select(l => l.Slug).ToHashSet(StringComparer.Ordinal);
            var steps = required.Count + (module.Assessment is null ? 0 : 1);
            var done = current.Count(p => p.CompletedAtUtc is not null && required.Contains(p.LessonSlug))
                + (completion is not null && module.Assessment is not null ? 1 : 0);
            var status = completion is not null ? ModuleStatusForLearner.Completed
                : current.Count > 0 || started.Contains(module.Slug) ? ModuleStatusForLearner.InProgress
                : ModuleStatusForLearner.NotStarted;
            result[module.Slug] = new ModuleProgress(
                status,
                steps == 0 ? 0 : Math.Min(100, done * 100 / steps),
                completion?.CompletedAtUtc,
                TimeSpan.FromMilliseconds(current.Sum(p => p.ActiveMilliseconds)),
                rows,
                completion?.ModuleVersion,
                module.Version,
                audience);
        }

        return result;
    }

    public async Task<ModuleProgress> ReadAsync(string userId, ContentModule module, CancellationToken cancellationToken = default) =>
        (await ReadAsync(userId, [module], cancellationToken))[module.Slug];
}
