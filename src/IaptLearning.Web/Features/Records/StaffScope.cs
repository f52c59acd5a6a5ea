using System.Security.Claims;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Records;

/// <summary>
/// The people someone may see records of: everyone for an admin; for a manager, the people now in
/// the teams their scopes cover (a service scope covers its teams, including teams added later);
/// nobody otherwise. Every report, export and record page filters through <see cref="Apply"/>
/// or <see cref="ContainsAsync"/>, on the server, on every request.
/// </summary>
public sealed class StaffScope
{
    private StaffScope(bool everyone, IReadOnlyList<int> teamIds)
    {
        IsEveryone = everyone;
        TeamIds = teamIds;
    }

    public bool IsEveryone { get; }

    /// <summary>The teams covered (empty for an admin, who sees everyone).</summary>
    public IReadOnlyList<int> TeamIds { get; }

    public bool IsEmpty => !IsEveryone && TeamIds.Count == 0;

    public static StaffScope Nobody { get; } = new(false, []);

    public static StaffScope Everyone { get; } = new(true, []);

    public static async Task<StaffScope> ForAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        if (userId is null || user.Identity?.IsAuthenticated != true)
        {
            return Nobody;
        }

        if (user.IsInRole(Roles.Admin))
        {
            return Everyone;
        }

        if (!user.IsInRole(Roles.Manager))
        {
            return Nobody;
        }

        return await ForManagerAsync(db, userId, cancellationToken);
    }

    /// <summary>The teams a manager's scopes cover, read from the database (not from the sign-in cookie).</summary>
    public static async Task<StaffScope> ForManagerAsync(AppDbContext db, string managerUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scopes = db.ManagerScopes.Where(s => s.UserId == managerUserId);
        var teamIds = await db.Teams
            .Where(t => scopes.Any(s => s.TeamId == t.Id || s.ServiceId == t.ServiceId))
            .Select(t => t.Id)
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        return new StaffScope(false, teamIds);
    }

    /// <summary>The people in scope; deactivated people included (their records still count).</summary>
    public IQueryable<ApplicationUser> Apply(IQueryable<ApplicationUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (IsEveryone)
        {
            return users;
        }

        var teamIds = TeamIds;
        return users.Where(u => u.TeamId != null && teamIds.Contains(u.TeamId.Value));
    }

    public bool CoversTeam(int? teamId) => IsEveryone || (teamId is { } id && TeamIds.Contains(id));

    /// <summary>Whether this person is in scope now. Callers answer "not found" when not, so ids of other services reveal nothing.</summary>
    public async Task<bool> ContainsAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await Apply(db.Users).AnyAsync(u => u.Id == userId, cancellationToken);
    }
}
