using System.Security.Claims;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Tests.Features.Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Staff;

/// <summary>One organisation per test: service A (teams A1, A2) and service B (team B1), with unique names.</summary>
internal sealed record TestOrganisation(int ServiceA, int TeamA1, int TeamA2, int ServiceB, int TeamB1, string Suffix);

internal sealed record TestPerson(string Id, string Email, string Name, ClaimsPrincipal Principal);

/// <summary>Organisations, people in teams and managers with scopes, straight into the database.</summary>
internal static class StaffTestData
{
    public static async Task<TestOrganisation> CreateOrganisationAsync(WebAppFixture app)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await using var db = await Db(app);
        var serviceA = new Service { Name = $"Service A {suffix}", Teams = [new Team { Name = $"Team A1 {suffix}" }, new Team { Name = $"Team A2 {suffix}" }] };
        var serviceB = new Service { Name = $"Service B {suffix}", Teams = [new Team { Name = $"Team B1 {suffix}" }] };
        db.Organisations.Add(new Organisation { Name = $"Provider {suffix}", Services = [serviceA, serviceB] });
        await db.SaveChangesAsync();
        return new(serviceA.Id, serviceA.Teams[0].Id, serviceA.Teams[1].Id, serviceB.Id, serviceB.Teams[0].Id, suffix);
    }

    /// <summary>A new organisation, a manager of its service A and a person in team A1.</summary>
    public static async Task<(TestOrganisation Org, TestPerson Manager, TestPerson Person)> ServiceManagerAndPersonAsync(WebAppFixture app)
    {
        var org = await CreateOrganisationAsync(app);
        var manager = await CreateManagerAsync(app, services: [org.ServiceA]);
        return (org, manager, await CreatePersonAsync(app, org.TeamA1));
    }

    /// <summary>A learner in a team (with a membership row, as a move keeps history).</summary>
    public static async Task<TestPerson> CreatePersonAsync(WebAppFixture app, int? teamId, JobRole? role = JobRole.PsychologicalWellbeingPractitioner, string? name = null)
    {
        name ??= "Person " + Guid.NewGuid().ToString("N")[..6];
        var (id, email) = await CertificateTestData.CreateLearnerAsync(app, name, role);
        if (teamId is not null)
        {
            await MoveAsync(app, id, teamId.Value);
        }

        return new(id, email, name, Principal(id, email));
    }

    /// <summary>A manager of the given services and teams (none for a plain learner, <paramref name="admin"/> for an admin).</summary>
    public static async Task<TestPerson> CreateManagerAsync(WebAppFixture app, int[]? services = null, int[]? teams = null, bool admin = false)
    {
        var name = "Manager " + Guid.NewGuid().ToString("N")[..6];
        var (id, email) = await CertificateTestData.CreateLearnerAsync(app, name, JobRole.ServiceManager);
        var role = admin ? Roles.Admin : Roles.Manager;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var result = await users.AddToRoleAsync((await users.FindByIdAsync(id))!, role);
            Assert.True(result.Succeeded);
        }

        await using var db = await Db(app);
        foreach (var service in services ?? [])
        {
            db.ManagerScopes.Add(new ManagerScope { UserId = id, ServiceId = service });
        }

        foreach (var team in teams ?? [])
        {
            db.ManagerScopes.Add(new ManagerScope { UserId = id, TeamId = team });
        }

        await db.SaveChangesAsync();
        return new(id, email, name, Principal(id, email, role));
    }

    /// <summary>Moves a person to a team, closing their current membership, as the admin pages do.</summary>
    public static async Task MoveAsync(WebAppFixture app, string userId, int teamId)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = await Db(app);
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.TeamId = teamId;
        await db.TeamMemberships.Where(m => m.UserId == userId && m.ToUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ToUtc, now));
        db.TeamMemberships.Add(new TeamMembership { UserId = userId, TeamId = teamId, FromUtc = now });
        // No refresh here: the records interceptor rebuilds the person's rows after the save.
        await db.SaveChangesAsync();
    }

    public static ClaimsPrincipal Principal(string id, string email, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "Test"));

    public static async Task<AppDbContext> Db(WebAppFixture app) =>
        await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
