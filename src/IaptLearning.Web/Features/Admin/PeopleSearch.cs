using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Admin;

public enum ActiveFilter { All, Active, Deactivated }

public sealed record PeopleQuery(string? Search = null, int? TeamId = null, string? Role = null, ActiveFilter Active = ActiveFilter.All, int Page = 1);

public sealed record PersonRow(string Id, string? FullName, string? Email, JobRole? JobRole, string? Team, DateTime? DeactivatedAtUtc);

public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total, int Page, int PageCount);

/// <summary>The admin's list of people: filtered, counted and paged in the database (ordered by the indexed name column).</summary>
public sealed class PeopleSearch(IDbContextFactory<AppDbContext> factory)
{
    public const int PageSize = 50;

    public async Task<PeoplePage> FindAsync(PeopleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var people = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var name = LikePattern.Containing(text);
            var email = LikePattern.Containing(text.ToUpperInvariant());
            people = people.Where(u => (u.FullName != null && EF.Functions.Like(u.FullName, name, LikePattern.Escape)) || (u.NormalizedEmail != null && EF.Functions.Like(u.NormalizedEmail, email, LikePattern.Escape)));
        }

        if (query.TeamId is { } teamId)
        {
            people = people.Where(u => u.TeamId == teamId);
        }

        if (!string.IsNullOrEmpty(query.Role) && Roles.All.Contains(query.Role))
        {
            var roleId = db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id);
            people = people.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }

        people = query.Active switch
        {
            ActiveFilter.Active => people.Where(u => u.DeactivatedAtUtc == null),
            ActiveFilter.Deactivated => people.Where(u => u.DeactivatedAtUtc != null),
            _ => people,
        };

        var total = await people.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await people
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new PersonRow(u.Id, u.FullName, u.Email, u.JobRole, u.Team == null ? null : u.Team.Service!.Name + " / " + u.Team.Name, u.DeactivatedAtUtc))
            .ToListAsync(cancellationToken);
        return new PeoplePage(rows, total, page, pageCount);
    }
}
