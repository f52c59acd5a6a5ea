using System.Security.Claims;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Admin;

public sealed record PersonDetails(string? FullName, string? Email, JobRole? JobRole, string? EmployeeNumber);

public sealed record NewPerson(string? FullName, string? Email, JobRole? JobRole, int? TeamId, string? EmployeeNumber, IReadOnlyCollection<string> Roles);

/// <summary>
/// Admins' changes to people: invite, edit, move team, roles, managed scopes, deactivate. Each
/// runs in its own scope and transaction (Identity's UserManager saves as it goes), with its audit
/// event in the same transaction. Anything that changes a person's team or job role rebuilds their
/// module records. Anything that takes access away changes the security stamp, which signs the
/// person out within a minute (see AdminExtensions).
/// </summary>
public sealed class PeopleAdmin(IServiceScopeFactory scopes, TimeProvider time, ILogger<PeopleAdmin> logger)
{
    public async Task<AdminResult> CreateAsync(NewPerson input, ClaimsPrincipal actor, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CheckDetails(new PersonDetails(input.FullName, input.Email, input.JobRole, input.EmployeeNumber)) is { } invalid)
        {
            return invalid;
        }

        if (input.Roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknownRole)
        {
            return AdminResult.Fail("Roles", $"{unknownRole} is not a role");
        }

        var email = input.Email!.Trim();
        ApplicationUser? created = null;
        var result = await InTransactionAsync(async (users, db) =>
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                return AdminResult.Fail("Email", $"{email} already has an account. Find them in the list of people instead.");
            }

            string? teamName = null;
            if (input.TeamId is { } teamId)
            {
                teamName = await TeamLabelAsync(db, teamId);
                if (teamName is null)
                {
                    return AdminResult.Fail("TeamId", "That team no longer exists. Choose another team.");
                }
            }

            var now = Now;
            created = new ApplicationUser
            {
                UserName = email,
                Email = email,

                // The admin vouches for the address, and the password can only be set through the link sent to it.
                EmailConfirmed = true,
                FullName = input.FullName!.Trim(),
                JobRole = input.JobRole,
                EmployeeNumber = Blank(input.EmployeeNumber),
                TeamId = input.TeamId,
                CreatedAtUtc = now,
            };
            Check(await users.CreateAsync(created));
            var roles = input.Roles.Append(Roles.Learner).Distinct(StringComparer.Ordinal).ToList();
            Check(await users.AddToRolesAsync(created, roles));
            if (input.TeamId is { } id)
            {
                db.TeamMemberships.Add(new TeamMembership { UserId = created.Id, TeamId = id, FromUtc = now });
            }

            AuditLog.Add(db, actor, AuditActions.AccountInvited, $"Invited {created.FullName} ({email})", created.Id,
                new { email, fullName = created.FullName, jobRole = input.JobRole?.ToString(), team = teamName, roles }, now);
            await db.SaveChangesAsync();
            return AdminResult.Ok(created.Id);
        });

        if (result.Succeeded)
        {
            await TrySendInvitationAsync(created!, baseUri);
        }

        return result;
    }

    public async Task<AdminResult> UpdateDetailsAsync(string userId, PersonDetails details, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (CheckDetails(details) is { } invalid)
        {
            return invalid;
        }

        return await InTransactionAsync(async (users, db) =>
        {
            if (await users.FindByIdAsync(userId) is not { } user)
            {
                return NotFound;
            }

            var email = details.Email!.Trim();
            var before = new { fullName = user.FullName, email = user.Email, jobRole = user.JobRole?.ToString(), employeeNumber = user.EmployeeNumber };
            if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                if (await users.FindByEmailAsync(email) is not null)
                {
                    return AdminResult.Fail("Email", $"{email} already has an account.");
                }

                Check(await users.SetEmailAsync(user, email));
                Check(await users.SetUserNameAsync(user, email));
                user.EmailConfirmed = true;
            }

            user.FullName = details.FullName!.Trim();
            user.JobRole = details.JobRole;
            user.EmployeeNumber = Blank(details.EmployeeNumber);
            Check(await users.UpdateAsync(user));
            var after = new { fullName = user.FullName, email = user.Email, jobRole = user.JobRole?.ToString(), employeeNumber = user.EmployeeNumber };
            AuditLog.Add(db, actor, AuditActions.AccountChanged, $"Changed the details of {user.FullName}", user.Id, new { before, after }, Now);
            await db.SaveChangesAsync();
            return AdminResult.Ok(user.Id);
        });
    }

    /// <summary>Closes the open team membership and opens one for the new team (or none). Learning records are keyed on the person, so they move too.</summary>
    public Task<AdminResult> MoveTeamAsync(string userId, int? teamId, ClaimsPrincipal actor) =>
        InTransactionAsync(async (users, db) =>
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId) is not { } user)
            {
                return NotFound;
            }

            if (user.TeamId == teamId)
            {
                return AdminResult.Fail("TeamId", "They are already in that team.");
            }

            string? to = null;
            if (teamId is { } id && (to = await TeamLabelAsync(db, id)) is null)
            {
                return AdminResult.Fail("TeamId", "That team no longer exists. Choose another team.");
            }

            var fromTeamId = user.TeamId;
            var from = fromTeamId is { } fromId ? await TeamLabelAsync(db, fromId) : null;
            var now = Now;
            foreach (var open in await db.TeamMemberships.Where(m => m.UserId == userId && m.ToUtc == null).ToListAsync())
            {
                open.ToUtc = now;
            }

            if (teamId is { } newId)
            {
                db.TeamMemberships.Add(new TeamMembership { UserId = userId, TeamId = newId, FromUtc = now });
            }

            user.TeamId = teamId;
            AuditLog.Add(db, actor, AuditActions.TeamChanged, $"Moved {user.FullName} from {from ?? "no team"} to {to ?? "no team"}", userId,
                new { from = new { teamId = fromTeamId, name = from }, to = new { teamId, name = to } }, now);
            await db.SaveChangesAsync();
            return AdminResult.Ok(userId);
        });

    /// <summary>Sets the person's roles. The last active admin keeps theirs. Taking a role away signs them out within a minute.</summary>
    public async Task<AdminResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            return AdminResult.Fail("Roles", $"{unknown} is not a role");
        }

        return await InTransactionAsync(async (users, db) =>
        {
            if (await users.FindByIdAsync(userId) is not { } user)
            {
                return NotFound;
            }

            var before = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
            var after = roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var removed = before.Except(after, StringComparer.Ordinal).ToList();
            var added = after.Except(before, StringComparer.Ordinal).ToList();
            if (removed.Count == 0 && added.Count == 0)
            {
                return AdminResult.Ok(userId);
            }

            if (removed.Contains(Roles.Admin) && !await AnotherActiveAdminAsync(db, userId))
            {
                return AdminResult.Fail("Roles", $"{user.FullName} is the only active admin. Make someone else an admin before taking this role away, or nobody could manage the site.");
            }

            Check(await users.RemoveFromRolesAsync(user, removed));
            Check(await users.AddToRolesAsync(user, added));
            if (removed.Count > 0)
            {
                // Their sign-in cookie and open pages still carry the old roles until the stamp changes.
                Check(await users.UpdateSecurityStampAsync(user));
            }

            AuditLog.Add(db, actor, AuditActions.RolesChanged,
                $"Changed the roles of {user.FullName} from {Describe(before)} to {Describe(after)}", userId, new { before, after }, Now);
            await db.SaveChangesAsync();
            return AdminResult.Ok(userId);
        });
    }

    /// <summary>Adds a service or a team (exactly one) to what the person manages.</summary>
    public Task<AdminResult> AddScopeAsync(string userId, int? serviceId, int? teamId, ClaimsPrincipal actor) =>
        InTransactionAsync(async (users, db) =>
        {
            if ((serviceId is null) == (teamId is null))
            {
                return AdminResult.Fail("Scope", "Choose a service or a team to add");
            }

            if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId) is not { } user)
            {
                return NotFound;
            }

            var exists = serviceId is { } s ? await db.Services.AnyAsync(x => x.Id == s) : await db.Teams.AnyAsync(x => x.Id == teamId);
            if (!exists)
            {
                return AdminResult.Fail("Scope", "That service or team no longer exists.");
            }

            if (await db.ManagerScopes.AnyAsync(m => m.UserId == userId && m.ServiceId == serviceId && m.TeamId == teamId))
            {
                return AdminResult.Fail("Scope", $"{user.FullName} already manages that {(serviceId is null ? "team" : "service")}.");
            }

            var before = await ScopeLabelsAsync(db, userId);
            db.ManagerScopes.Add(new ManagerScope { UserId = userId, ServiceId = serviceId, TeamId = teamId, GrantedAtUtc = Now, GrantedByUserId = actor.UserId() });
            await db.SaveChangesAsync();
            return await AuditScopesAsync(db, user, before, actor);
        });

    public Task<AdminResult> RemoveScopeAsync(string userId, long scopeId, ClaimsPrincipal actor) =>
        InTransactionAsync(async (users, db) =>
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId) is not { } user)
            {
                return NotFound;
            }

            if (await db.ManagerScopes.FirstOrDefaultAsync(m => m.Id == scopeId && m.UserId == userId) is not { } scope)
            {
                return AdminResult.Fail("Scope", "They no longer manage that service or team.");
            }

            var before = await ScopeLabelsAsync(db, userId);
            db.ManagerScopes.Remove(scope);
            await db.SaveChangesAsync();
            return await AuditScopesAsync(db, user, before, actor);
        });

    /// <summary>Refuses sign-in from now on and signs them out everywhere within a minute (the stamp changes).</summary>
    public Task<AdminResult> DeactivateAsync(string userId, ClaimsPrincipal actor) =>
        InTransactionAsync(async (users, db) =>
        {
            if (await users.FindByIdAsync(userId) is not { } user)
            {
                return NotFound;
            }

            if (user.DeactivatedAtUtc is not null)
            {
                return AdminResult.Fail("Deactivate", $"{user.FullName} is already deactivated.");
            }

            if (string.Equals(actor.UserId(), userId, StringComparison.Ordinal))
            {
                return AdminResult.Fail("Deactivate", "You cannot deactivate your own account.");
            }

            if (await users.IsInRoleAsync(user, Roles.Admin) && !await AnotherActiveAdminAsync(db, userId))
            {
                return AdminResult.Fail("Deactivate", $"{user.FullName} is the only active admin, so their account cannot be deactivated.");
            }

            user.DeactivatedAtUtc = Now;
            Check(await users.UpdateAsync(user));
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            Check(await users.UpdateSecurityStampAsync(user));
            AuditLog.Add(db, actor, AuditActions.AccountDeactivated, $"Deactivated the account of {user.FullName}", userId, new { email = user.Email }, Now);
            await db.SaveChangesAsync();
            return AdminResult.Ok(userId);
        });

    public Task<AdminResult> ReactivateAsync(string userId, ClaimsPrincipal actor) =>
        InTransactionAsync(async (users, db) =>
        {
            if (await users.FindByIdAsync(userId) is not { } user)
            {
                return NotFound;
            }

            if (user.DeactivatedAtUtc is null)
            {
                return AdminResult.Fail("Reactivate", $"{user.FullName} is not deactivated.");
            }

            user.DeactivatedAtUtc = null;
            Check(await users.UpdateAsync(user));
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            AuditLog.Add(db, actor, AuditActions.AccountReactivated, $"Reactivated the account of {user.FullName}", userId, new { email = user.Email }, Now);
            await db.SaveChangesAsync();
            return AdminResult.Ok(userId);
        });

    /// <summary>Emails a fresh one-time link to set a password (any earlier link stays valid until it expires or is used).</summary>
    public async Task<AdminResult> ResendInvitationAsync(string userId, ClaimsPrincipal actor, string baseUri)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound;
        }

        if (user.DeactivatedAtUtc is not null)
        {
            return AdminResult.Fail("Invite", $"{user.FullName} is deactivated. Reactivate the account first.");
        }

        await Invitations.SendAsync(users, scope.ServiceProvider.GetRequiredService<IEmailSender<ApplicationUser>>(), user, baseUri);
        AuditLog.Add(db, actor, AuditActions.AccountInvited, $"Sent {user.FullName} a new link to set their password", userId, new { email = user.Email }, Now);
        await db.SaveChangesAsync();
        return AdminResult.Ok(userId);
    }

    public static AdminResult? CheckDetails(PersonDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var name = details.FullName?.Trim() ?? "";
        var email = details.Email?.Trim() ?? "";
        if (name.Length == 0)
        {
            return AdminResult.Fail("FullName", "Enter their full name");
        }

        if (name.Length > StaffImportValidator.MaxNameLength)
        {
            return AdminResult.Fail("FullName", $"Full name must be {StaffImportValidator.MaxNameLength} characters or fewer");
        }

        if (email.Length == 0)
        {
            return AdminResult.Fail("Email", "Enter their email address");
        }

        if (!StaffImportValidator.IsValidEmail(email))
        {
            return AdminResult.Fail("Email", "Enter an email address in the correct format, like name@example.nhs.uk");
        }

        return (details.EmployeeNumber?.Trim().Length ?? 0) > StaffImportValidator.MaxEmployeeNumberLength
            ? AdminResult.Fail("EmployeeNumber", $"Employee number must be {StaffImportValidator.MaxEmployeeNumberLength} characters or fewer")
            : null;
    }

    /// <summary>"Service / Team" for a team id, or null if there is no such team.</summary>
    public static Task<string?> TeamLabelAsync(AppDbContext db, int teamId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Teams.Where(t => t.Id == teamId).Select(t => t.Service!.Name + " / " + t.Name).FirstOrDefaultAsync();
    }

    public static async Task<List<string>> ScopeLabelsAsync(AppDbContext db, string userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var labels = await db.ManagerScopes.Where(m => m.UserId == userId)
            .Select(m => m.ServiceId != null ? "Service: " + m.Service!.Name : "Team: " + m.Team!.Service!.Name + " / " + m.Team.Name)
            .ToListAsync();
        return labels.Order(StringComparer.Ordinal).ToList();
    }

    private async Task<AdminResult> AuditScopesAsync(AppDbContext db, ApplicationUser user, List<string> before, ClaimsPrincipal actor)
    {
        var after = await ScopeLabelsAsync(db, user.Id);
        AuditLog.Add(db, actor, AuditActions.ScopesChanged, $"Changed what {user.FullName} manages from {Describe(before)} to {Describe(after)}", user.Id, new { before, after }, Now);
        await db.SaveChangesAsync();
        return AdminResult.Ok(user.Id);
    }

    private static async Task<bool> AnotherActiveAdminAsync(AppDbContext db, string userId)
    {
        var adminRoleId = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstAsync();
        return await db.UserRoles.AnyAsync(ur => ur.RoleId == adminRoleId && ur.UserId != userId
            && db.Users.Any(u => u.Id == ur.UserId && u.DeactivatedAtUtc == null));
    }

    private async Task TrySendInvitationAsync(ApplicationUser user, string baseUri)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await Invitations.SendAsync(users, scope.ServiceProvider.GetRequiredService<IEmailSender<ApplicationUser>>(), user, baseUri);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The account is there; the admin can resend the link from the person's page.
            logger.LogError(e, "Could not send the invitation to {UserId}.", user.Id);
        }
    }

    private async Task<AdminResult> InTransactionAsync(Func<UserManager<ApplicationUser>, AppDbContext, Task<AdminResult>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await work(users, db);
        if (result.Succeeded)
        {
            await transaction.CommitAsync();
        }

        return result;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static AdminResult NotFound => AdminResult.Fail("Person", "That person could not be found.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Describe(List<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
