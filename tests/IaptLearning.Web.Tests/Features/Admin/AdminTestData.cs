using System.Security.Claims;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Admin;
using IaptLearning.Web.Tests.Features.Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Admin;

/// <summary>An organisation with two services and three teams, people in them, and an admin to act as.</summary>
internal static class AdminTestData
{
    public sealed record Structure(int OrganisationId, string OrganisationName, int ServiceA, string ServiceAName, int TeamA1, int TeamA2, int ServiceB, string ServiceBName, int TeamB1);

    public static ClaimsPrincipal Actor(string? id = null) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id ?? "admin-" + Guid.NewGuid().ToString("N")), new Claim(ClaimTypes.Name, "admin@example.nhs.uk"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<Structure> CreateStructureAsync(WebAppFixture app)
    {
        var admin = app.Get<OrganisationAdmin>();
        var actor = Actor();
        var name = Unique("Trust");
        var org = Id(await admin.CreateOrganisationAsync(name, null, actor));
        var serviceA = Id(await admin.AddServiceAsync(org, "North Talking Therapies", actor));
        var serviceB = Id(await admin.AddServiceAsync(org, "South Talking Therapies", actor));
        var teamA1 = Id(await admin.AddTeamAsync(serviceA, "Step 2", actor));
        var teamA2 = Id(await admin.AddTeamAsync(serviceA, "Step 3", actor));
        var teamB1 = Id(await admin.AddTeamAsync(serviceB, "Step 2", actor));
        return new Structure(org, name, serviceA, "North Talking Therapies", teamA1, teamA2, serviceB, "South Talking Therapies", teamB1);
    }

    public static int Id(AdminResult result)
    {
        Assert.True(result.Succeeded, result.Error);
        return int.Parse(result.Id!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A person with a password (so they can sign in), in a team, with roles.</summary>
    public static async Task<(string Id, string Email)> CreatePersonAsync(WebAppFixture app, int? teamId = null, JobRole? jobRole = JobRole.Counsellor, params string[] roles)
    {
        var (id, email) = await CertificateTestData.CreateLearnerAsync(app, Unique("Person"), jobRole);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }

        if (teamId is { } team)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tracked = await db.Users.FirstAsync(u => u.Id == id);
            tracked.TeamId = team;
            db.TeamMemberships.Add(new TeamMembership { UserId = id, TeamId = team, FromUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        return (id, email);
    }

    public static async Task<List<AuditEvent>> AuditAsync(WebAppFixture app, string action, string? subjectUserId = null)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.Where(e => e.Action == action && (subjectUserId == null || e.SubjectUserId == subjectUserId)).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<AppDbContext> DbAsync(WebAppFixture app) => await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
