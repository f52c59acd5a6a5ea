using System.Security.Claims;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Assignments;

/// <summary>
/// What someone may assign to, read from the database on every request: the teams of their
/// <see cref="StaffScope"/>, the whole services they manage (a team's manager manages no service),
/// and the people in scope. Admins may assign to anything.
/// </summary>
public sealed class ManagedTargets
{
    private readonly IReadOnlySet<int> _serviceIds;

    private ManagedTargets(StaffScope staff, IReadOnlySet<int> serviceIds)
    {
        Staff = staff;
        _serviceIds = serviceIds;
    }

    public StaffScope Staff { get; }

    public static async Task<ManagedTargets> ForAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var staff = await StaffScope.ForAsync(db, user, cancellationToken);
        if (staff.IsEveryone || staff.IsEmpty || !user.IsInRole(Roles.Manager))
        {
            return new ManagedTargets(staff, new HashSet<int>());
        }

        var userId = user.UserId();
        var services = await db.ManagerScopes
            .Where(s => s.UserId == userId && s.ServiceId != null)
            .Select(s => s.ServiceId!.Value)
            .ToListAsync(cancellationToken);
        return new ManagedTargets(staff, services.ToHashSet());
    }

    public bool CoversTeam(int teamId) => Staff.CoversTeam(teamId);

    public bool CoversService(int serviceId) => Staff.IsEveryone || _serviceIds.Contains(serviceId);

    public Task<bool> CoversPersonAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        Staff.ContainsAsync(db, userId, cancellationToken);

    /// <summary>The teams that may be targeted, with their services, by service then team name.</summary>
    public async Task<List<TeamOption>> TeamsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var teams = db.Teams.AsNoTracking();
        if (!Staff.IsEveryone)
        {
            var ids = Staff.TeamIds;
            teams = teams.Where(t => ids.Contains(t.Id));
        }

        return await teams
            .OrderBy(t => t.Service!.Name).ThenBy(t => t.Name)
            .Select(t => new TeamOption(t.Id, t.Name, t.ServiceId, t.Service!.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The services that may be targeted as a whole.</summary>
    public async Task<List<ServiceOption>> ServicesAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var services = db.Services.AsNoTracking();
        if (!Staff.IsEveryone)
        {
            var ids = _serviceIds.ToList();
            services = services.Where(s => ids.Contains(s.Id));
        }

        return await services.OrderBy(s => s.Name).Select(s => new ServiceOption(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Whether an existing assignment's target lies in scope (and so may be listed and withdrawn).</summary>
    public async Task<bool> CoversAsync(AppDbContext db, Assignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (Staff.IsEveryone)
        {
            return true;
        }

        if (assignment.UserId is { } userId)
        {
            return await CoversPersonAsync(db, userId, cancellationToken);
        }

        if (assignment.TeamId is { } teamId)
        {
            return CoversTeam(teamId);
        }

        return assignment.ServiceId is { } serviceId && CoversService(serviceId);
    }
}

public sealed record TeamOption(int Id, string Name, int ServiceId, string ServiceName);

public sealed record ServiceOption(int Id, string Name);
