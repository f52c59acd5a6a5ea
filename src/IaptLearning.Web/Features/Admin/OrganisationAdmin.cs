using System.Security.Claims;
using System.Text.RegularExpressions;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Admin;

/// <summary>
/// Creates, renames and removes organisations, services and teams. Names are unique among their
/// siblings ignoring case; a team anyone is or was in is never deleted, because people's history
/// and records point at it. Every change writes an audit event in the same save.
/// </summary>
public sealed partial class OrganisationAdmin(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public const int MaxNameLength = 200;

    public async Task<AdminResult> CreateOrganisationAsync(string? name, string? odsCode, ClaimsPrincipal actor)
    {
        if (CheckName(name, "organisation") is { } nameError)
        {
            return nameError;
        }

        if (CheckOds(odsCode, out var ods) is { } odsError)
        {
            return odsError;
        }

        await using var db = await factory.CreateDbContextAsync();
        name = name!.Trim();
        if (await NameTakenAsync(db.Organisations.Select(o => new Named(o.Id, o.Name)), name, null))
        {
            return Taken("organisation", name, "");
        }

        var organisation = new Organisation { Name = name, OdsCode = ods, CreatedAtUtc = Now };
        db.Organisations.Add(organisation);
        AuditLog.Add(db, actor, AuditActions.OrganisationChanged, $"Created the organisation {name}", details: new { kind = "organisation", change = "created", name, odsCode = ods }, atUtc: Now);
        return await SaveAsync(db, () => organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Taken("organisation", name, ""));
    }

    public async Task<AdminResult> UpdateOrganisationAsync(int id, string? name, string? odsCode, ClaimsPrincipal actor)
    {
        if (CheckName(name, "organisation") is { } nameError)
        {
            return nameError;
        }

        if (CheckOds(odsCode, out var ods) is { } odsError)
        {
            return odsError;
        }

        await using var db = await factory.CreateDbContextAsync();
        var organisation = await db.Organisations.FindAsync(id);
        if (organisation is null)
        {
            return AdminResult.Fail("Name", "That organisation no longer exists.");
        }

        name = name!.Trim();
        if (await NameTakenAsync(db.Organisations.Select(o => new Named(o.Id, o.Name)), name, id))
        {
            return Taken("organisation", name, "");
        }

        var before = new { name = organisation.Name, odsCode = organisation.OdsCode };
        organisation.Name = name;
        organisation.OdsCode = ods;
        AuditLog.Add(db, actor, AuditActions.OrganisationChanged, $"Changed the organisation {before.name} to {name}", details: new { kind = "organisation", change = "updated", id, before, after = new { name, odsCode = ods } }, atUtc: Now);
        return await SaveAsync(db, null, Taken("organisation", name, ""));
    }

    public Task<AdminResult> AddServiceAsync(int organisationId, string? name, ClaimsPrincipal actor) =>
        AddAsync("service", name, actor,
            async db => await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(),
            db => db.Services.Where(s => s.OrganisationId == organisationId).Select(s => new Named(s.Id, s.Name)),
            (db, trimmed) =>
            {
                var service = new Service { OrganisationId = organisationId, Name = trimmed, CreatedAtUtc = Now };
                db.Services.Add(service);
                return () => service.Id;
            });

    public Task<AdminResult> RenameServiceAsync(int serviceId, string? name, ClaimsPrincipal actor) =>
        RenameAsync<Service>("service", serviceId, name, actor,
            async db => await db.Services.FindAsync(serviceId) is { } s ? ((Service Entity, string Before, IQueryable<Named> Siblings)?)(s, s.Name, db.Services.Where(x => x.OrganisationId == s.OrganisationId).Select(x => new Named(x.Id, x.Name))) : null,
            (s, trimmed) => s.Name = trimmed);

    public async Task<AdminResult> DeleteServiceAsync(int serviceId, ClaimsPrincipal actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        var service = await db.Services.FindAsync(serviceId);
        if (service is null)
        {
            return AdminResult.Fail("Service", "That service no longer exists.");
        }

        if (await db.Teams.AnyAsync(t => t.ServiceId == serviceId))
        {
            return AdminResult.Fail("Service", $"{service.Name} cannot be deleted because it still has teams. Delete its teams first.");
        }

        if (await db.Assignments.AnyAsync(a => a.ServiceId == serviceId))
        {
            return AdminResult.Fail("Service", $"{service.Name} cannot be deleted because modules have been assigned to it; the assignments' history refers to it.");
        }

        db.Services.Remove(service);
        AuditLog.Add(db, actor, AuditActions.OrganisationChanged, $"Deleted the service {service.Name}", details: new { kind = "service", change = "deleted", id = serviceId, name = service.Name }, atUtc: Now);
        return await SaveAsync(db, null, AdminResult.Fail("Service", $"{service.Name} could not be deleted because something now refers to it."));
    }

    public Task<AdminResult> AddTeamAsync(int serviceId, string? name, ClaimsPrincipal actor) =>
        AddAsync("team", name, actor,
            async db => await db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).FirstOrDefaultAsync(),
            db => db.Teams.Where(t => t.ServiceId == serviceId).Select(t => new Named(t.Id, t.Name)),
            (db, trimmed) =>
            {
                var team = new Team { ServiceId = serviceId, Name = trimmed, CreatedAtUtc = Now };
                db.Teams.Add(team);
                return () => team.Id;
            });

    public Task<AdminResult> RenameTeamAsync(int teamId, string? name, ClaimsPrincipal actor) =>
        RenameAsync<Team>("team", teamId, name, actor,
            async db => await db.Teams.FindAsync(teamId) is { } t ? ((Team Entity, string Before, IQueryable<Named> Siblings)?)(t, t.Name, db.Teams.Where(x => x.ServiceId == t.ServiceId).Select(x => new Named(x.Id, x.Name))) : null,
            (t, trimmed) => t.Name = trimmed);

    /// <summary>Only a team nobody is or has been in, with nothing assigned to it, can go.</summary>
    public async Task<AdminResult> DeleteTeamAsync(int teamId, ClaimsPrincipal actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        var team = await db.Teams.FindAsync(teamId);
        if (team is null)
        {
            return AdminResult.Fail("Team", "That team no longer exists.");
        }

        var people = await db.Users.CountAsync(u => u.TeamId == teamId);
        if (people > 0)
        {
            return AdminResult.Fail("Team", $"{team.Name} cannot be deleted because {people} {(people == 1 ? "person is" : "people are")} in it. Move them to another team first.");
        }

        if (await db.TeamMemberships.AnyAsync(m => m.TeamId == teamId))
        {
            return AdminResult.Fail("Team", $"{team.Name} cannot be deleted because people have been in it before, and their team history refers to it. Rename it instead.");
        }

        if (await db.Assignments.AnyAsync(a => a.TeamId == teamId))
        {
            return AdminResult.Fail("Team", $"{team.Name} cannot be deleted because modules have been assigned to it; the assignments' history refers to it.");
        }

        db.Teams.Remove(team);
        AuditLog.Add(db, actor, AuditActions.OrganisationChanged, $"Deleted the team {team.Name}", details: new { kind = "team", change = "deleted", id = teamId, name = team.Name }, atUtc: Now);
        return await SaveAsync(db, null, AdminResult.Fail("Team", $"{team.Name} could not be deleted because something now refers to it."));
    }

    /// <summary>Adds a service or team under a parent, refusing a name its siblings already use.</summary>
    private async Task<AdminResult> AddAsync(string kind, string? name, ClaimsPrincipal actor,
        Func<AppDbContext, Task<string?>> parentName, Func<AppDbContext, IQueryable<Named>> siblings, Func<AppDbContext, string, Func<int>> create)
    {
        if (CheckName(name, kind) is { } nameError)
        {
            return nameError;
        }

        await using var db = await factory.CreateDbContextAsync();
        var parent = await parentName(db);
        if (parent is null)
        {
            return AdminResult.Fail("Name", $"The {(kind == "team" ? "service" : "organisation")} you were adding to no longer exists.");
        }

        var trimmed = name!.Trim();
        if (await NameTakenAsync(siblings(db), trimmed, null))
        {
            return Taken(kind, trimmed, $" in {parent}");
        }

        var id = create(db, trimmed);
        AuditLog.Add(db, actor, AuditActions.OrganisationChanged, $"Added the {kind} {trimmed} to {parent}", details: new { kind, change = "created", parent, name = trimmed }, atUtc: Now);
        return await SaveAsync(db, () => id().ToString(System.Globalization.CultureInfo.InvariantCulture), Taken(kind, trimmed, $" in {parent}"));
    }

    private async Task<AdminResult> RenameAsync<T>(string kind, int id, string? name, ClaimsPrincipal actor,
        Func<AppDbContext, Task<(T Entity, string Before, IQueryable<Named> Siblings)?>> load, Action<T, string> rename)
    {
        if (CheckName(name, kind) is { } nameError)
        {
            return nameError;
        }

        await using var db = await factory.CreateDbContextAsync();
        if (await load(db) is not { } found)
        {
            return AdminResult.Fail("Name", $"That {kind} no longer exists.");
        }

        var trimmed = name!.Trim();
        var where = kind == "team" ? " in this service" : " in this organisation";
        if (await NameTakenAsync(found.Siblings, trimmed, id))
        {
            return Taken(kind, trimmed, where);
        }

        rename(found.Entity, trimmed);
        AuditLog.Add(db, actor, AuditActions.OrganisationChanged, $"Renamed the {kind} {found.Before} to {trimmed}", details: new { kind, change = "renamed", id, before = found.Before, after = trimmed }, atUtc: Now);
        return await SaveAsync(db, null, Taken(kind, trimmed, where));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static AdminResult? CheckName(string? name, string kind)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return AdminResult.Fail("Name", $"Enter the {kind}'s name");
        }

        return trimmed.Length > MaxNameLength ? AdminResult.Fail("Name", $"The {kind}'s name must be {MaxNameLength} characters or fewer") : null;
    }

    private static AdminResult? CheckOds(string? odsCode, out string? ods)
    {
        ods = string.IsNullOrWhiteSpace(odsCode) ? null : odsCode.Trim().ToUpperInvariant();
        return ods is null || OdsPattern().IsMatch(ods) ? null : AdminResult.Fail("OdsCode", "ODS code must be 3 to 10 letters and numbers, like RX4");
    }

    // SQLite compares case-sensitively, so compare here; the sets are small (siblings only).
    private static async Task<bool> NameTakenAsync(IQueryable<Named> siblings, string name, int? exceptId) =>
        (await siblings.ToListAsync()).Any(s => s.Id != exceptId && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static AdminResult Taken(string kind, string name, string where) =>
        AdminResult.Fail("Name", $"There is already {(kind == "organisation" ? "an" : "a")} {kind} called {name}{where}. Choose a different name.");

    private static async Task<AdminResult> SaveAsync(AppDbContext db, Func<string>? id, AdminResult onConflict)
    {
        try
        {
            await db.SaveChangesAsync();
            return AdminResult.Ok(id?.Invoke());
        }
        catch (DbUpdateException)
        {
            // Someone else made the same name (or a reference) at the same moment.
            return onConflict;
        }
    }

    private sealed record Named(int Id, string Name);

    [GeneratedRegex("^[A-Z0-9]{3,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex OdsPattern();
}
