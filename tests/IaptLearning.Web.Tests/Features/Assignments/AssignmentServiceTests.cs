using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Assignments;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Features.Records;
using IaptLearning.Web.Tests.Features.Certificates;
using IaptLearning.Web.Tests.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Assignments;

[Collection(WebAppTests.Name)]
public class AssignmentServiceTests(WebAppFixture app)
{
    private AssignmentService Service => app.Get<AssignmentService>();

    private DateOnly Today => UkTime.Today(app.Clock.GetUtcNow().UtcDateTime);

    private AssignmentRequest Request(TargetKind kind, int? team = null, int? service = null, string? person = null, string? role = null, DateOnly? due = null, string? validity = null) =>
        AssignmentSteps.Request(app, kind, team, service, person, role, due ?? Today.AddDays(60), validity);

    [Fact]
    public async Task Create_PersonATeamAssignmentCovers_AsksFirst_ThenAssignsWhenConfirmed()
    {
        var (org, manager, person) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        Assert.True((await Service.CreateAsync(manager.Principal, Request(TargetKind.Team, team: org.TeamA1, due: Today.AddDays(10)))).Succeeded);
        var count = await app.ExecuteDbAsync(db => db.Assignments.CountAsync(a => a.UserId == person.Id));

        var personal = Request(TargetKind.Person, person: person.Id, due: Today.AddDays(40));
        var asked = await Service.CreateAsync(manager.Principal, personal);

        Assert.False(asked.Succeeded);
        Assert.Empty(asked.Errors);
        Assert.Equal(
            $"This person already has {app.SampleModule.Title} assigned through another assignment, due by {UkTime.Date(Today.AddDays(10))} at the earliest. " +
            "Each person's earliest due date applies, so a later date here changes nothing for them. Assign it anyway, or change who or when.",
            asked.Overlap);
        Assert.Equal(count, await app.ExecuteDbAsync(db => db.Assignments.CountAsync(a => a.UserId == person.Id)));

        personal.OverlapConfirmed = true;
        var confirmed = await Service.CreateAsync(manager.Principal, personal);
        Assert.True(confirmed.Succeeded);
        Assert.Null(confirmed.Overlap);
    }

    [Fact]
    public async Task Create_TeamWhereSomeAreCovered_SaysHowMany()
    {
        var (org, manager, first) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        await app.CreatePersonAsync(teamId: org.TeamA1);
        Assert.True((await Service.CreateAsync(manager.Principal, Request(TargetKind.Person, person: first.Id))).Succeeded);

        var asked = await Service.CreateAsync(manager.Principal, Request(TargetKind.Team, team: org.TeamA1));

        Assert.StartsWith($"1 of these 2 people already has {app.SampleModule.Title} assigned", asked.Overlap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ServiceManagerTargetsAnotherService_IsRefusedAndNothingSaved()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceA]);

        var asService = await Service.CreateAsync(manager.Principal, Request(TargetKind.Service, service: org.ServiceB));
        var asTeam = await Service.CreateAsync(manager.Principal, Request(TargetKind.Team, team: org.TeamB1));
        var asRole = await Service.CreateAsync(manager.Principal, Request(TargetKind.JobRoleInService, service: org.ServiceB, role: nameof(JobRole.Counsellor)));

        Assert.Equal("Select a service you manage as a whole; a team's manager can assign to their team", Assert.Single(asService.Errors).Message);
        Assert.Equal("Select a team you manage", Assert.Single(asTeam.Errors).Message);
        Assert.Equal(AssignmentService.Fields.Service, Assert.Single(asRole.Errors).Field);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.False(await db.Assignments.AnyAsync(a => a.ServiceId == org.ServiceB || a.TeamId == org.TeamB1));
        });
    }

    [Fact]
    public async Task Create_TeamManagerTargetsTheirWholeService_IsRefused()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA1]);

        var result = await Service.CreateAsync(manager.Principal, Request(TargetKind.Service, service: org.ServiceA));
        var sibling = await Service.CreateAsync(manager.Principal, Request(TargetKind.JobRoleInTeam, team: org.TeamA2, role: nameof(JobRole.Counsellor)));

        Assert.False(result.Succeeded);
        Assert.Equal(AssignmentService.Fields.Service, Assert.Single(result.Errors).Field);
        Assert.Equal("Select a team you manage", Assert.Single(sibling.Errors).Message);
        var (teams, services) = await Service.TargetOptionsAsync(manager.Principal);
        Assert.Equal([org.TeamA1], teams.Select(t => t.Id));
        Assert.Empty(services);
    }

    [Fact]
    public async Task Create_PersonOutsideScopeOrUnknown_IsRefusedWithTheSameMessage()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceA]);
        var other = await app.CreatePersonAsync(teamId: org.TeamB1);

        var outside = await Service.CreateAsync(manager.Principal, Request(TargetKind.Person, person: other.Id));
        var unknown = await Service.CreateAsync(manager.Principal, Request(TargetKind.Person, person: "no-such-person"));

        Assert.Equal("Select a person in the teams you manage", Assert.Single(outside.Errors).Message);
        Assert.Equal(outside.Errors, unknown.Errors);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.False(await db.Assignments.AnyAsync(a => a.UserId == other.Id));
            Assert.Empty(await Service.SearchPeopleAsync(manager.Principal, other.Name));
        });
    }

    [Fact]
    public async Task Create_NotAManager_IsRefused()
    {
        var org = await app.CreateOrganisationAsync();
        var learner = await app.CreatePersonAsync(teamId: org.TeamA1);

        var result = await Service.CreateAsync(learner.Principal, Request(TargetKind.Team, team: org.TeamA1));

        Assert.False(result.Succeeded);
        Assert.Equal("Select a team you manage", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Create_BadModuleKindDateAndValidity_GivesEachMessage()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceA]);
        var request = Request(TargetKind.Team, team: org.TeamA1, due: Today.AddDays(-1), validity: "61");
        request.ModuleSlug = "no-such-module";
        request.Kind = null;

        var result = await Service.CreateAsync(manager.Principal, request);

        Assert.Equal(
            [
                (AssignmentService.Fields.Module, "Select a published module"),
                (AssignmentService.Fields.Kind, "Select who to assign the module to"),
                (AssignmentService.Fields.DueDate, "Due date must be today or in the future"),
                (AssignmentService.Fields.Validity, "Validity must be a whole number of months from 1 to 60"),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal("Validity must be a whole number of months from 1 to 60",
            Assert.Single((await Service.CreateAsync(manager.Principal, Request(TargetKind.Team, team: org.TeamA1, validity: "0"))).Errors).Message);
        Assert.Equal("Select a job role",
            Assert.Single((await Service.CreateAsync(manager.Principal, Request(TargetKind.JobRoleInTeam, team: org.TeamA1, role: "3"))).Errors).Message);
    }

    [Fact]
    public async Task Create_Team_GivesItsPeopleADueDateAndAuditsIt()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA1]);
        var inTeam = await app.CreatePersonAsync(teamId: org.TeamA1);
        var elsewhere = await app.CreatePersonAsync(teamId: org.TeamA2);
        var due = Today.AddDays(40);

        var result = await Service.CreateAsync(manager.Principal, Request(TargetKind.Team, team: org.TeamA1, due: due, validity: "12"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await app.ExecuteDbAsync(async db =>
        {
            var record = await db.ModuleRecords.SingleAsync(r => r.UserId == inTeam.Id && r.ModuleSlug == app.SampleModule.Slug);
            Assert.True(record.IsAssigned);
            Assert.Equal(UkTime.EndOfDayUtc(due), record.DueAtUtc);
            Assert.Equal(12, record.ValidityMonths);
            Assert.False(await db.ModuleRecords.AnyAsync(r => r.UserId == elsewhere.Id));
            var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.AssignmentCreated && e.ActorUserId == manager.Id);
            Assert.Contains($"Team: Team A1 {org.Suffix}", audit.Summary, StringComparison.Ordinal);
            Assert.Contains("\"People\":1", audit.DetailsJson, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("", "Enter how many days new starters have")]
    [InlineData("0", "New starters' days must be a whole number from 1 to 365")]
    [InlineData("366", "New starters' days must be a whole number from 1 to 365")]
    [InlineData("2.5", "New starters' days must be a whole number from 1 to 365")]
    public async Task Create_BadNewStarterDays_IsRefusedOnItsField(string days, string message)
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA1]);
        var request = Request(TargetKind.Team, team: org.TeamA1);
        request.NewStarterDays = days;

        var result = await Service.CreateAsync(manager.Principal, request);

        Assert.Equal((AssignmentService.Fields.NewStarterDays, message), result.Errors.Select(e => (e.Field, e.Message)).Single());
        await app.ExecuteDbAsync(async db => Assert.False(await db.Assignments.AnyAsync(a => a.TeamId == org.TeamA1)));
    }

    [Fact]
    public async Task Create_NewStarterDays_KeptForAGroupListed_AndIgnoredForAPerson()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA1]);
        var person = await app.CreatePersonAsync(teamId: org.TeamA1);
        var team = Request(TargetKind.Team, team: org.TeamA1);
        team.NewStarterDays = " 14 ";
        var personal = Request(TargetKind.Person, person: person.Id);
        personal.NewStarterDays = "not read for a person";
        personal.OverlapConfirmed = true;

        var teamCreated = (await Service.CreateAsync(manager.Principal, team)).Created!;
        Assert.Equal(14, teamCreated.NewStarterDays);
        var created = await Service.CreateAsync(manager.Principal, personal);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));

        var rows = await Service.ListAsync(manager.Principal);
        Assert.Equal(14, rows.Single(r => r.Id == teamCreated.Id).NewStarterDays);
        Assert.Null(rows.Single(r => r.Id == created.Created!.Id).NewStarterDays);
    }

    [Fact]
    public async Task Create_JobRoleInService_ReachesThatRoleInEveryTeamOnly()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceA]);
        var pwp1 = await app.CreatePersonAsync(teamId: org.TeamA1, jobRole: JobRole.PsychologicalWellbeingPractitioner);
        var pwp2 = await app.CreatePersonAsync(teamId: org.TeamA2, jobRole: JobRole.PsychologicalWellbeingPractitioner);
        var therapist = await app.CreatePersonAsync(teamId: org.TeamA1, jobRole: JobRole.HighIntensityTherapist);
        var pwpB = await app.CreatePersonAsync(teamId: org.TeamB1, jobRole: JobRole.PsychologicalWellbeingPractitioner);

        var result = await Service.CreateAsync(manager.Principal, Request(TargetKind.JobRoleInService, service: org.ServiceA, role: nameof(JobRole.PsychologicalWellbeingPractitioner)));

        Assert.True(result.Succeeded);
        await app.ExecuteDbAsync(async db =>
        {
            var assigned = await db.ModuleRecords.Where(r => r.IsAssigned && new[] { pwp1.Id, pwp2.Id, therapist.Id, pwpB.Id }.Contains(r.UserId)).Select(r => r.UserId).ToListAsync();
            Assert.Equal(new[] { pwp1.Id, pwp2.Id }.Order(), assigned.Order());
            var row = Assert.Single(await Service.ListAsync(manager.Principal), r => r.Id == result.Created!.Id);
            Assert.Equal($"Job role: Psychological wellbeing practitioner in service Service A {org.Suffix}", row.Target);
            Assert.Equal(2, row.People);
        });
    }

    [Fact]
    public async Task MovingTeam_LosesAndRegainsTheTeamsAssignment()
    {
        var (org, manager, person) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        Assert.True((await Service.CreateAsync(manager.Principal, Request(TargetKind.Team, team: org.TeamA1))).Succeeded);

        await app.MovePersonAsync(person.Id, org.TeamA2);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.False(await db.ModuleRecords.AnyAsync(r => r.UserId == person.Id && r.IsAssigned));
        });

        await app.MovePersonAsync(person.Id, org.TeamA1);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.True(await db.ModuleRecords.AnyAsync(r => r.UserId == person.Id && r.IsAssigned && r.DueAtUtc != null));
        });
    }

    [Fact]
    public async Task List_OtherServicesManager_DoesNotSeeItNorWithdrawIt()
    {
        var org = await app.CreateOrganisationAsync();
        var managerA = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceA]);
        var managerB = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceB]);
        var person = await app.CreatePersonAsync(teamId: org.TeamA1);
        var created = (await Service.CreateAsync(managerA.Principal, Request(TargetKind.Person, person: person.Id))).Created!;

        Assert.Contains(await Service.ListAsync(managerA.Principal), r => r.Id == created.Id && r.Target == "Person: " + person.Name);
        Assert.DoesNotContain(await Service.ListAsync(managerB.Principal), r => r.Id == created.Id);
        Assert.False(await Service.WithdrawAsync(managerB.Principal, created.Id));

        // After a move to service B, the person (and so the assignment) is B's, no longer A's.
        await app.MovePersonAsync(person.Id, org.TeamB1);
        Assert.DoesNotContain(await Service.ListAsync(managerA.Principal), r => r.Id == created.Id);
        Assert.Contains(await Service.ListAsync(managerB.Principal), r => r.Id == created.Id);
    }

    [Fact]
    public async Task List_PastDueAssignment_CountsOverdueAndExpiringPeople()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA2]);
        var late = await app.CreatePersonAsync(teamId: org.TeamA2);
        var done = await app.CreatePersonAsync(teamId: org.TeamA2);
        await CertificateSteps.AddCompletionAsync(app, done.Id);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var id = await app.ExecuteDbAsync(async db =>
        {
            // Past due dates cannot be entered, so this one is written directly.
            // Completed 10 days ago with a month's validity: expires in about 3 weeks.
            await db.ModuleCompletions.Where(c => c.UserId == done.Id).ExecuteUpdateAsync(x => x.SetProperty(c => c.CompletedAtUtc, now.AddDays(-10)));
            var assignment = new Assignment { ModuleSlug = app.SampleModule.Slug, TeamId = org.TeamA2, DueDate = Today.AddDays(-1), ValidityMonths = 1, CreatedByUserId = manager.Id, CreatedAtUtc = now };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            await ModuleRecords.RefreshAsync(db, [late.Id, done.Id], now);
            return assignment.Id;
        });

        var row = Assert.Single(await Service.ListAsync(manager.Principal), r => r.Id == id);
        Assert.Equal(2, row.People);
        Assert.Equal(1, row.Overdue);
        Assert.Equal(1, row.ExpiringSoon);
    }

    [Fact]
    public async Task Withdraw_InScope_RemovesItFromRecordsAndAudits()
    {
        var (org, manager, person) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        var created = (await Service.CreateAsync(manager.Principal, Request(TargetKind.Team, team: org.TeamA1))).Created!;

        Assert.True(await Service.WithdrawAsync(manager.Principal, created.Id));
        Assert.False(await Service.WithdrawAsync(manager.Principal, created.Id));

        await app.ExecuteDbAsync(async db =>
        {
            Assert.NotNull((await db.Assignments.SingleAsync(a => a.Id == created.Id)).RemovedAtUtc);
            Assert.False(await db.ModuleRecords.AnyAsync(r => r.UserId == person.Id && r.IsAssigned));
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.AssignmentRemoved && e.ActorUserId == manager.Id));
            Assert.DoesNotContain(await Service.ListAsync(manager.Principal), r => r.Id == created.Id);
        });
    }

    [Fact]
    public async Task Create_Admin_MayTargetAnyService()
    {
        var org = await app.CreateOrganisationAsync();
        var admin = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Admin]);
        var person = await app.CreatePersonAsync(teamId: org.TeamB1);

        var result = await Service.CreateAsync(admin.Principal, Request(TargetKind.Service, service: org.ServiceB));

        Assert.True(result.Succeeded);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.True(await db.ModuleRecords.AnyAsync(r => r.UserId == person.Id && r.IsAssigned));
        });
    }
}
