using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Authoring;

/// <summary>Reads the stored answers for one module and hands them to <see cref="QuestionStatistics"/>.</summary>
public sealed class StatisticsReader(IDbContextFactory<AppDbContext> factory)
{
    public async Task<ModuleStatistics> ReadAsync(ContentModule module, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var attempts = await db.AssessmentAttempts.AsNoTracking()
            .Where(a => a.ModuleSlug == module.Slug && a.SubmittedAtUtc != null)
            .Include(a => a.Questions)
            .ToListAsync(cancellationToken);
        var answers = await db.KnowledgeCheckAnswers.AsNoTracking()
            .Where(a => a.ModuleSlug == module.Slug)
            .ToListAsync(cancellationToken);
        var progress = await db.LessonProgress.AsNoTracking()
            .Where(p => p.ModuleSlug == module.Slug && p.CompletedAtUtc != null)
            .ToListAsync(cancellationToken);
        return QuestionStatistics.Compute(module, attempts, answers, progress);
    }
}
