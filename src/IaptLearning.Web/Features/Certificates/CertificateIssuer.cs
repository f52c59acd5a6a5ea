using System.Security.Cryptography;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// Issues the certificate for a module completion, once per completion (a renewal is a new
/// completion with a certificate of its own; the earlier one stays valid). Safe to
/// call again and from concurrent requests: unique indexes decide, and the loser reuses or retries.
/// </summary>
public sealed class CertificateIssuer(
    IDbContextFactory<AppDbContext> factory,
    ModuleLibrary library,
    IOptions<CertificateOptions> pdfOptions,
    IOptions<CertificateIssuingOptions> options,
    PublicAddress publicAddress,
    IHostEnvironment environment,
    ILogger<CertificateIssuer> logger)
{
    private const int MaxAttempts = 8;

    /// <summary>
    /// Issues the certificate of every completion, anyone's, that should have one and has not:
    /// one whose issuing failed at completion time, or older than certificates. Returns how many.
    /// </summary>
    public async Task<int> IssueAllMissingAsync(CancellationToken cancellationToken = default)
    {
        List<(long Id, string ModuleSlug)> missing;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            missing = [.. (await db.ModuleCompletions.AsNoTracking()
                .Where(c => !db.Certificates.Any(x => x.ModuleCompletionId == c.Id))
                .Select(c => new { c.Id, c.ModuleSlug })
                .ToListAsync(cancellationToken)).Select(c => (c.Id, c.ModuleSlug))];
        }

        var issued = 0;
        foreach (var completion in missing)
        {
            try
            {
                if (library.Find(completion.ModuleSlug) is { IssuesCertificate: true } module
                    && await IssueAsync(completion.Id, module, cancellationToken) is not null)
                {
                    issued++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One certificate that cannot be issued must not hold up the others.
                logger.LogError(e, "Could not issue the missing certificate for completion {CompletionId}.", completion.Id);
            }
        }

        return issued;
    }

    /// <summary>
    /// The certificate for this completion, issuing it if needed; null when the module issues none.
    /// Failures are logged and give null, so a completion is never lost to a certificate problem:
    /// <see cref="IssueAllMissingAsync"/> tries again at the next start-up (<see cref="CertificateRepair"/>).
    /// </summary>
    public async Task<Certificate?> TryIssueAsync(string userId, ContentModule module, long completionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var mine = await db.ModuleCompletions.AsNoTracking()
                .AnyAsync(c => c.Id == completionId && c.UserId == userId && c.ModuleSlug == module.Slug, cancellationToken);
            return mine ? await IssueAsync(completionId, module, cancellationToken) : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not issue the certificate for completion {CompletionId} of {Module} to user {UserId}.", completionId, module.Slug, userId);
            return null;
        }
    }

    public async Task<Certificate?> IssueAsync(long completionId, ContentModule module, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!module.IssuesCertificate)
        {
            return null;
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var completion = await db.ModuleCompletions.AsNoTracking().SingleAsync(c => c.Id == completionId, cancellationToken);
            var existing = await FindAsync(db, completion, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }
        }

        var series = options.Value.NumberPrefix;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var completion = await db.ModuleCompletions.AsNoTracking().SingleAsync(c => c.Id == completionId, cancellationToken);
            var certificate = await DraftAsync(db, completion, module, series, cancellationToken);
            db.Certificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Issued certificate {Number} for {Module} {Version}.", certificate.Number, module.Slug, completion.ModuleVersion);
                return certificate;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Either a concurrent request issued this completion's certificate (use it), or took
                // the same number (draw the next one and try again).
                await using var fresh = await factory.CreateDbContextAsync(cancellationToken);
                if (await FindAsync(fresh, completion, cancellationToken) is { } winner)
                {
                    return winner;
                }
            }
        }
    }



    private static Task<Certificate?> FindAsync(AppDbContext db, ModuleCompletion completion, CancellationToken cancellationToken) =>
        db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.ModuleCompletionId == completion.Id, cancellationToken);

    private async Task<Certificate> DraftAsync(AppDbContext db, ModuleCompletion completion, ContentModule module, string series, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == completion.UserId, cancellationToken);
        var score = completion.AttemptId is { } attemptId
            ? await db.AssessmentAttempts.Where(a => a.Id == attemptId).Select(a => a.ScorePercent).SingleOrDefaultAsync(cancellationToken)
            : null;
        var lessonSlugs = module.Lessons.Select(l => l.Slug).ToList();
        var activeMilliseconds = await db.LessonProgress
            .Where(p => p.UserId == completion.UserId && p.ModuleSlug == module.Slug && lessonSlugs.Contains(p.LessonSlug))
            .SumAsync(p => p.ActiveMilliseconds, cancellationToken);
        var sequence = (await db.Certificates.Where(c => c.Series == series).MaxAsync(c => (int?)c.Sequence, cancellationToken) ?? 0) + 1;
        var code = VerificationCode.New();
        var url = publicAddress.Link("verify/" + code);

        var model = new CertificateModel
        {
            CertificateNumber = $"{series}-{sequence:D6}",
            VerificationCode = code,
            VerificationUrl = url,
            IssuedAt = new DateTimeOffset(DateTime.SpecifyKind(completion.CompletedAtUtc, DateTimeKind.Utc)),
            LearnerName = string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? user.UserName ?? "" : user.FullName.Trim(),
            JobRole = user.JobRole.DisplayName("Not given"),
            // The completion's own record of the version it was for; the served module only for rows older than that record.
            ModuleTitle = completion.ModuleTitle ?? module.Title,
            ModuleVersion = completion.ModuleVersion,
            ContentHash = completion.ContentHash,
            LearningOutcomes = CompletedContent.ReadOutcomes(completion.ModuleOutcomesJson) is { } outcomes ? [.. outcomes] : module.Outcomes,
            CpdMinutes = completion.CpdMinutes ?? module.CpdMinutes,
            // Whole seconds, so the stored value re-renders the same.
            ActiveTime = TimeSpan.FromSeconds(activeMilliseconds / 1000),
            AssessmentScorePercent = score,
            IssuerName = pdfOptions.Value.IssuerName,
            IssuerLogoPng = ReadLogo(),
        };
        var pdf = CertificateDocument.Render(model);
        return ToEntity(model, completion, series, sequence, pdf);
    }

    /// <summary>The model as it was printed, rebuilt from the stored record (for the CPD record PDF and tests).</summary>
    public static Certificate ToEntity(CertificateModel model, ModuleCompletion completion, string series, int sequence, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(completion);
        return new Certificate
        {
            Series = series,
            Sequence = sequence,
            Number = model.CertificateNumber,
            VerificationCode = model.VerificationCode,
            VerificationUrl = model.VerificationUrl.AbsoluteUri,
            UserId = completion.UserId,
            ModuleCompletionId = completion.Id,
            ModuleSlug = completion.ModuleSlug,
            ModuleVersion = model.ModuleVersion,
            ContentHash = model.ContentHash,
            LearnerName = model.LearnerName,
            JobRole = model.JobRole,
            ModuleTitle = model.ModuleTitle,
            LearningOutcomes = [.. model.LearningOutcomes],
            CpdMinutes = model.CpdMinutes,
            ActiveSeconds = (long)model.ActiveTime.TotalSeconds,
            ScorePercent = model.AssessmentScorePercent,
            IssuerName = model.IssuerName,
            IssuedAtUtc = model.IssuedAt.UtcDateTime,
            Pdf = pdf,
            PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
        };
    }

    private ReadOnlyMemory<byte>? ReadLogo()
    {
        var path = pdfOptions.Value.LogoPath;
        return string.IsNullOrWhiteSpace(path) ? null : new ReadOnlyMemory<byte>(File.ReadAllBytes(Path.Combine(environment.ContentRootPath, path)));
    }
}
