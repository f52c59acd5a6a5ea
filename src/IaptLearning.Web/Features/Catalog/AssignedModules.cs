using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Catalog;

/// <summary>The catalogue split for a learner: assigned modules first, soonest due first; the rest as before.</summary>
public sealed record CatalogueSections(
    IReadOnlyList<(ContentModule Module, ModuleRecord Record)> Assigned,
    IReadOnlyList<ContentModule> Others)
{
    public static CatalogueSections Split(IEnumerable<ContentModule> published, IReadOnlyDictionary<string, ModuleRecord> assigned)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(assigned);
        var modules = published.ToList();
        return new(
            [.. modules.Where(m => assigned.ContainsKey(m.Slug))
                .Select(m => (m, assigned[m.Slug]))
                .OrderBy(x => x.Item2.DueAtUtc ?? DateTime.MaxValue)
                .ThenBy(x => x.m.Title, StringComparer.CurrentCulture)],
            [.. modules.Where(m => !assigned.ContainsKey(m.Slug))]);
    }
}

/// <summary>Reads the learner's own <see cref="ModuleRecord"/> rows for the modules assigned to them.</summary>
public sealed class AssignedModulesReader(IDbContextFactory<AppDbContext> factory)
{
    public async Task<IReadOnlyDictionary<string, ModuleRecord>> ReadAsync(string userId, string? moduleSlug = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ModuleRecords.AsNoTracking()
            .Where(r => r.UserId == userId && r.IsAssigned && (moduleSlug == null || r.ModuleSlug == moduleSlug))
            .ToDictionaryAsync(r => r.ModuleSlug, StringComparer.Ordinal, cancellationToken);
    }
}
