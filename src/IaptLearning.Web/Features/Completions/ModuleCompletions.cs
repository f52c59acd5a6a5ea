using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Completions;

/// <summary>
/// The one place a module completion is recorded, whatever earned it (the last lesson of a module
/// without an assessment, or a pass): it numbers renewals, saves, and issues the certificate once
/// the completion is committed. The managers' records follow on their own (ModuleRecordsInterceptor).
/// </summary>
public sealed class ModuleCompletions(CertificateIssuer certificates)
{
    /// <summary>
    /// Saves <paramref name="completion"/> in <paramref name="db"/> as the next renewal of its
    /// version, commits the context's open transaction if there is one (so the completion lands with
    /// what earned it), then issues its certificate. Null when a concurrent request recorded the
    /// same completion first: the unique index keeps one.
    /// </summary>
    public async Task<long?> RecordAsync(AppDbContext db, ContentModule module, ModuleCompletion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(completion);
        var previous = await db.ModuleCompletions
            .Where(c => c.UserId == completion.UserId && c.ModuleSlug == completion.ModuleSlug && c.ModuleVersion == completion.ModuleVersion)
            .MaxAsync(c => (int?)c.RenewalNumber, cancellationToken);
        completion.RenewalNumber = previous is { } n ? n + 1 : 0;
        db.ModuleCompletions.Add(completion);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            return null;
        }

        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        // After the commit, so the completion stands even if issuing fails (the start-up repair retries).
        await certificates.TryIssueAsync(completion.UserId, module, completion.Id, cancellationToken);
        return completion.Id;
    }
}
