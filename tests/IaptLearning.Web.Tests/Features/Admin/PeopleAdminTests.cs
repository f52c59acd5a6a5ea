using System.Text;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Admin;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Features.Records;
using IaptLearning.Web.Tests.Features.Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Admin;

[Collection(WebAppTests.Name)]
public class PeopleAdminTests(WebAppFixture app)
{
    private const string BaseUri = "https://learning.example.nhs.uk/";

    private PeopleAdmin People => app.Get<PeopleAdmin>();

    [Fact]
    public async Task Create_NewPerson_AccountWithoutPasswordRolesTeamAuditAndEmailedLink()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var email = $"new-{Guid.NewGuid():N}@example.nhs.uk";
        var mail = Path.Combine(app.DataPath, "mail");
        var before = Directory.Exists(mail) ? Directory.GetFiles(mail).Length : 0;

        var result = await People.CreateAsync(new NewPerson(" Jo Bloggs ", email, JobRole.Counsellor, s.TeamA1, " 1234 ", [Roles.Manager]), WebAppFixture.AdminActor(), BaseUri);

        Assert.True(result.Succeeded, result.Error);
        await app.ExecuteDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == result.Id);
            Assert.Equal("Jo Bloggs", user.FullName);
            Assert.Equal("1234", user.EmployeeNumber);
            Assert.Null(user.PasswordHash);
            Assert.Equal(s.TeamA1, user.TeamId);
            Assert.Single(await db.TeamMemberships.Where(m => m.UserId == user.Id && m.TeamId == s.TeamA1 && m.ToUtc == null).ToListAsync());
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
            Assert.Equal([Roles.Learner, Roles.Manager], roles.Order(StringComparer.Ordinal));
            var audit = Assert.Single(await app.AuditAsync(AuditActions.AccountInvited, user.Id));
            Assert.Contains("North Talking Therapies / Step 2", audit.DetailsJson, StringComparison.Ordinal);
            var files = Directory.GetFiles(mail);
            Assert.Equal(before + 1, files.Length);
            Assert.Contains(files, f => File.ReadAllText(f).Contains(email, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task CreateLink_Followed_LetsThePersonSetTheirPassword()
    {
        var (id, _) = await app.CreatePersonAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;

        var link = new Uri(await Invitations.CreateLinkAsync(users, user, BaseUri));

        Assert.Equal("/Account/SetUpAccount", link.AbsolutePath);
        var code = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(QueryHelpers.ParseQuery(link.Query)["code"]!));
        Assert.True((await users.ResetPasswordAsync(user, code, "a brand new long password")).Succeeded);
    }

    [Fact]
    public async Task Create_EmailAlreadyHasAnAccountInAnyCase_RefusedOnTheEmailField()
    {
        var (_, email) = await app.CreatePersonAsync();

        var result = await People.CreateAsync(new NewPerson("Someone Else", email.ToUpperInvariant(), null, null, null, []), WebAppFixture.AdminActor(), BaseUri);

        Assert.Equal("Email", result.Field);
        Assert.Contains("already has an account", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "a@example.nhs.uk", "FullName")]
    [InlineData("Jo", "", "Email")]
    [InlineData("Jo", "not an email", "Email")]
    public async Task Create_BadDetails_RefusedNamingTheField(string name, string email, string field)
    {
        var result = await People.CreateAsync(new NewPerson(name, email, null, null, null, []), WebAppFixture.AdminActor(), BaseUri);

        Assert.Equal(field, result.Field);
    }

    [Fact]
    public async Task MoveTeam_ClosesTheOldMembershipOpensANewOneAndRecordsMoveWithThem()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (id, _) = await app.CreatePersonAsync(teamId: s.TeamA1);
        await CertificateSteps.AddCompletionAsync(app, id);
        await app.ExecuteDbAsync(async setup =>
        {
            setup.Assignments.Add(new Assignment { ModuleSlug = app.SampleModule.Slug, TeamId = s.TeamB1, DueDate = new DateOnly(2026, 6, 30), CreatedByUserId = "test", CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await setup.SaveChangesAsync();
        });

        var result = await People.MoveTeamAsync(id, s.TeamB1, WebAppFixture.AdminActor());

        Assert.True(result.Succeeded, result.Error);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(s.TeamB1, (await db.Users.SingleAsync(u => u.Id == id)).TeamId);
            var history = await db.TeamMemberships.Where(m => m.UserId == id).OrderBy(m => m.Id).ToListAsync();
            Assert.Equal([s.TeamA1, s.TeamB1], history.Select(m => m.TeamId));
            Assert.NotNull(history[0].ToUtc);
            Assert.Null(history[1].ToUtc);
            var record = await db.ModuleRecords.SingleAsync(r => r.UserId == id && r.ModuleSlug == app.SampleModule.Slug);
            Assert.True(record.IsAssigned);
            Assert.NotNull(record.CompletedAtUtc);
            var audit = Assert.Single(await app.AuditAsync(AuditActions.TeamChanged, id));
            Assert.Contains("from North Talking Therapies / Step 2 to South Talking Therapies / Step 2", audit.Summary, StringComparison.Ordinal);
            Assert.Contains($"\"from\":{{\"teamId\":{s.TeamA1}", audit.DetailsJson, StringComparison.Ordinal);
            Assert.Contains($"\"to\":{{\"teamId\":{s.TeamB1}", audit.DetailsJson, StringComparison.Ordinal);

            // A manager of the new service now sees them; a manager of the old one no longer does.
            Assert.Contains(s.TeamB1, (await StaffScope.ForManagerAsync(db, await ManagerOfAsync(s.ServiceB))).TeamIds);
            Assert.False(await (await StaffScope.ForManagerAsync(db, await ManagerOfAsync(s.ServiceA))).ContainsAsync(db, id));
        });
    }

    [Fact]
    public async Task MoveTeam_ToTheSameTeam_Refused()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (id, _) = await app.CreatePersonAsync(teamId: s.TeamA1);

        var result = await People.MoveTeamAsync(id, s.TeamA1, WebAppFixture.AdminActor());

        Assert.Equal("They are already in that team.", result.Error);
    }

    [Fact]
    public async Task UpdateDetails_JobRoleChanged_RecordsRefreshedAndAuditHasBeforeAndAfter()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (id, email) = await app.CreatePersonAsync(jobRole: JobRole.Counsellor, teamId: s.TeamA1);
        await app.ExecuteDbAsync(async setup =>
        {
            setup.Assignments.Add(new Assignment { ModuleSlug = app.SampleModule.Slug, ServiceId = s.ServiceA, JobRole = JobRole.Supervisor, DueDate = new DateOnly(2026, 6, 30), CreatedByUserId = "test", CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await setup.SaveChangesAsync();
        });

        var result = await People.UpdateDetailsAsync(id, new PersonDetails("Renamed Person", email, JobRole.Supervisor, "E-99"), WebAppFixture.AdminActor());

        Assert.True(result.Succeeded, result.Error);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.True((await db.ModuleRecords.SingleAsync(r => r.UserId == id && r.ModuleSlug == app.SampleModule.Slug)).IsAssigned);
            var audit = Assert.Single(await app.AuditAsync(AuditActions.AccountChanged, id));
            Assert.Contains("\"before\":{\"fullName\":\"Person", audit.DetailsJson, StringComparison.Ordinal);
            Assert.Contains("\"jobRole\":\"Counsellor\"", audit.DetailsJson, StringComparison.Ordinal);
            Assert.Contains("\"after\":{\"fullName\":\"Renamed Person\"", audit.DetailsJson, StringComparison.Ordinal);
            Assert.Contains("\"jobRole\":\"Supervisor\"", audit.DetailsJson, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UpdateDetails_EmailOfSomeoneElse_Refused()
    {
        var (id, _) = await app.CreatePersonAsync();
        var (_, other) = await app.CreatePersonAsync();

        var result = await People.UpdateDetailsAsync(id, new PersonDetails("Anyone", other, null, null), WebAppFixture.AdminActor());

        Assert.Equal("Email", result.Field);
    }

    [Fact]
    public async Task SetRoles_RoleRemoved_AuditedWithBeforeAndAfterAndStampChanged()
    {
        var (id, _) = await app.CreatePersonAsync(jobRole: JobRole.Counsellor, roles: [Roles.Learner, Roles.Author]);
        var stamp = await StampAsync(id);

        var result = await People.SetRolesAsync(id, [Roles.Learner, Roles.Manager], WebAppFixture.AdminActor());

        Assert.True(result.Succeeded, result.Error);
        Assert.NotEqual(stamp, await StampAsync(id));
        var audit = Assert.Single(await app.AuditAsync(AuditActions.RolesChanged, id));
        Assert.Equal("{\"before\":[\"author\",\"learner\"],\"after\":[\"learner\",\"manager\"]}", audit.DetailsJson);
    }

    [Fact]
    public async Task SetRoles_OnlyAdded_StampKeptSoTheyStaySignedIn()
    {
        var (id, _) = await app.CreatePersonAsync(jobRole: JobRole.Counsellor, roles: [Roles.Learner]);
        var stamp = await StampAsync(id);

        Assert.True((await People.SetRolesAsync(id, [Roles.Learner, Roles.Author], WebAppFixture.AdminActor())).Succeeded);

        Assert.Equal(stamp, await StampAsync(id));
    }

    [Fact]
    public async Task SetRoles_UnknownRole_Refused()
    {
        var (id, _) = await app.CreatePersonAsync();

        var result = await People.SetRolesAsync(id, ["superuser"], WebAppFixture.AdminActor());

        Assert.Equal("superuser is not a role", result.Error);
    }

    [Fact]
    public async Task Scopes_AddedAndRemoved_AuditedAndSeenByStaffScope()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (manager, _) = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager]);

        Assert.True((await People.AddScopeAsync(manager, s.ServiceA, null, WebAppFixture.AdminActor())).Succeeded);
        Assert.True((await People.AddScopeAsync(manager, null, s.TeamB1, WebAppFixture.AdminActor())).Succeeded);
        var duplicate = await People.AddScopeAsync(manager, s.ServiceA, null, WebAppFixture.AdminActor());

        Assert.Contains("already manages that service", duplicate.Error, StringComparison.Ordinal);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(new[] { s.TeamA1, s.TeamA2, s.TeamB1 }.Order(), (await StaffScope.ForManagerAsync(db, manager)).TeamIds);

            var scopeId = await db.ManagerScopes.Where(m => m.UserId == manager && m.ServiceId == s.ServiceA).Select(m => m.Id).SingleAsync();
            Assert.True((await People.RemoveScopeAsync(manager, scopeId, WebAppFixture.AdminActor())).Succeeded);

            Assert.Equal([s.TeamB1], (await StaffScope.ForManagerAsync(db, manager)).TeamIds);
            var audits = await app.AuditAsync(AuditActions.ScopesChanged, manager);
            Assert.Equal(3, audits.Count);
            Assert.Equal("{\"before\":[\"Service: North Talking Therapies\",\"Team: South Talking Therapies / Step 2\"],\"after\":[\"Team: South Talking Therapies / Step 2\"]}", audits[2].DetailsJson);
        });
    }

    [Fact]
    public async Task AddScope_NeitherOrBoth_Refused()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (manager, _) = await app.CreatePersonAsync();

        Assert.Equal("Scope", (await People.AddScopeAsync(manager, null, null, WebAppFixture.AdminActor())).Field);
        Assert.Equal("Scope", (await People.AddScopeAsync(manager, s.ServiceA, s.TeamA1, WebAppFixture.AdminActor())).Field);
    }

    [Fact]
    public async Task Deactivate_Self_Refused()
    {
        var (id, _) = await app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Admin]);

        var result = await People.DeactivateAsync(id, WebAppFixture.AdminActor(id));

        Assert.Equal("You cannot deactivate your own account.", result.Error);
    }

    [Fact]
    public async Task DeactivateThenReactivate_LockedOutStampChangedAuditedThenOpenAgain()
    {
        var (id, _) = await app.CreatePersonAsync();
        var stamp = await StampAsync(id);

        Assert.True((await People.DeactivateAsync(id, WebAppFixture.AdminActor())).Succeeded);

        await app.ExecuteDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, user.DeactivatedAtUtc);
            Assert.True(user.LockoutEnd > app.Clock.GetUtcNow().AddYears(100));
            Assert.NotEqual(stamp, user.SecurityStamp);
        });

        Assert.True((await People.ReactivateAsync(id, WebAppFixture.AdminActor())).Succeeded);

        await app.ExecuteDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            Assert.Null(user.DeactivatedAtUtc);
            Assert.Null(user.LockoutEnd);
        });

        Assert.Single(await app.AuditAsync(AuditActions.AccountDeactivated, id));
        Assert.Single(await app.AuditAsync(AuditActions.AccountReactivated, id));
    }

    [Fact]
    public async Task ResendInvitation_Active_EmailsALinkAndAudits_Deactivated_Refused()
    {
        var (id, email) = await app.CreatePersonAsync();
        var mail = Path.Combine(app.DataPath, "mail");
        var before = Directory.Exists(mail) ? Directory.GetFiles(mail).Length : 0;

        Assert.True((await People.ResendInvitationAsync(id, WebAppFixture.AdminActor(), BaseUri)).Succeeded);

        Assert.Equal(before + 1, Directory.GetFiles(mail).Length);
        Assert.Contains(Directory.GetFiles(mail), f => File.ReadAllText(f).Contains(email, StringComparison.Ordinal));
        Assert.Single(await app.AuditAsync(AuditActions.AccountInvited, id));
        Assert.True((await People.DeactivateAsync(id, WebAppFixture.AdminActor())).Succeeded);
        Assert.Contains("Reactivate the account first", (await People.ResendInvitationAsync(id, WebAppFixture.AdminActor(), BaseUri)).Error, StringComparison.Ordinal);
    }

    private async Task<string> ManagerOfAsync(int serviceId)
    {
        var (manager, _) = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager]);
        Assert.True((await People.AddScopeAsync(manager, serviceId, null, WebAppFixture.AdminActor())).Succeeded);
        return manager;
    }

    private async Task<string?> StampAsync(string id)
    {
        return await app.ExecuteDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
    }
}
