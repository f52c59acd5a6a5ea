using System.Security.Claims;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Admin;

public sealed record StaffImportResult(int Imported, int Invited, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Previews and imports a staff CSV into one organisation. The file is read into memory, checked,
/// and forgotten: the page keeps the checked rows, and <see cref="ImportAsync"/> adds every person
/// in one transaction, so either all of them are added or none are. Invitations go out after the
/// commit.
/// </summary>
public sealed class StaffImporter(IDbContextFactory<AppDbContext> factory, IServiceScopeFactory scopes, TimeProvider time, ILogger<StaffImporter> logger)
{
    public async Task<List<ImportTeam>> TeamsAsync(int organisationId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Teams.Where(t => t.Service!.OrganisationId == organisationId)
            .OrderBy(t => t.Service!.Name).ThenBy(t => t.Name)
            .Select(t => new ImportTeam(t.Id, t.Service!.Name, t.Name))
            .ToListAsync();
    }

    public async Task<StaffImportPreview> PreviewAsync(Stream csv, int organisationId, CancellationToken cancellationToken = default)
    {
        var read = await StaffCsvReader.ReadAsync(csv, cancellationToken);
        if (read.FileError is not null)
        {
            return new StaffImportPreview([], [read.FileError]);
        }

        var teams = await TeamsAsync(organisationId);
        if (teams.Count == 0)
        {
            return new StaffImportPreview([], ["This organisation has no teams yet. Add its services and teams first."]);
        }

        var preview = StaffImportValidator.Validate(read.Records, teams);
        await using var scope = scopes.CreateAsyncScope();
        var normalizer = Normalizer(scope);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in StaffImportValidator.EmailsToLookUp(preview).Select(normalizer.NormalizeEmail).Chunk(500))
        {
            taken.UnionWith(await db.Users.Where(u => chunk.Contains(u.NormalizedEmail)).Select(u => u.Email!).ToListAsync(cancellationToken));
        }

        StaffImportValidator.MarkExistingAccounts(preview, taken);
        return preview;
    }

    public async Task<StaffImportResult> ImportAsync(IReadOnlyList<StaffImportRow> rows, ClaimsPrincipal actor, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows.Any(r => !r.IsValid || r.Team is null || r.JobRole is null))
        {
            return new StaffImportResult(0, 0, "Nothing was imported: every row must be valid first.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var people = new List<ApplicationUser>(rows.Count);
        await using var scope = scopes.CreateAsyncScope();
        var normalizer = Normalizer(scope);
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var learnerRoleId = await db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id).FirstAsync();
            foreach (var row in rows)
            {
                var user = new ApplicationUser
                {
                    UserName = row.Email,
                    NormalizedUserName = normalizer.NormalizeName(row.Email),
                    Email = row.Email,
                    NormalizedEmail = normalizer.NormalizeEmail(row.Email),
                    EmailConfirmed = true, // as for an invitation: the admin vouches, the emailed link proves it
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    LockoutEnabled = true,
                    FullName = row.Name,
                    JobRole = row.JobRole,
                    EmployeeNumber = row.EmployeeNumber.Length == 0 ? null : row.EmployeeNumber,
                    TeamId = row.Team!.Id,
                    CreatedAtUtc = now,
                };
                people.Add(user);
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = learnerRoleId });
                db.TeamMemberships.Add(new TeamMembership { UserId = user.Id, TeamId = row.Team.Id, FromUtc = now });
            }

            AuditLog.Add(db, actor, AuditActions.StaffImported, $"Imported {rows.Count} {(rows.Count == 1 ? "person" : "people")} from a CSV file", null,
                new { imported = rows.Count, teams = rows.GroupBy(r => r.Team!.Label).ToDictionary(g => g.Key, g => g.Count()) }, now);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException e)
        {
            logger.LogWarning(e, "A staff import was rolled back.");
            return new StaffImportResult(0, 0, "Nothing was imported: the database refused one of the rows, so none were added. Someone may have added one of these people since the preview. Check the file again.");
        }

        return new StaffImportResult(rows.Count, await SendInvitationsAsync(people, baseUri), null);
    }

    // Identity registers the normalizer as scoped; this service is a singleton, so it asks a scope for it.
    private static ILookupNormalizer Normalizer(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();

    private async Task<int> SendInvitationsAsync(List<ApplicationUser> people, string baseUri)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = scope.ServiceProvider.GetRequiredService<IEmailSender<ApplicationUser>>();
        var sent = 0;
        foreach (var person in people)
        {
            try
            {
                await Invitations.SendAsync(users, email, person, baseUri);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not send the invitation to {UserId}.", person.Id);
            }
        }

        return sent;
    }
}
