using Bunit;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Assignments;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Tests.Features.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Assignments;

/// <summary>The interactive forms, rendered with bUnit against the real services and database.</summary>
[Collection(WebAppTests.Name)]
public class FormsTests : BunitContext
{
    private readonly WebAppFixture _app;

    public FormsTests(WebAppFixture app)
    {
        _app = app;
        Services.AddSingleton(app.Get<AssignmentService>());
        Services.AddSingleton(app.Get<LearnerRecordService>());
        Services.AddSingleton(app.Get<ModuleLibrary>());
        Services.AddSingleton<TimeProvider>(app.Clock);
    }

    private void SignIn(TestPerson person, string role) =>
        AddAuthorization().SetAuthorized(person.Email).SetRoles(role).SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, person.Id));

    [Fact]
    public async Task NewAssignment_Empty_ShowsLinkedErrorsAndSavesNothing()
    {
        var org = await _app.CreateOrganisationAsync();
        var manager = await _app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA1]);
        SignIn(manager, IaptLearning.Web.Features.Accounts.Roles.Manager);
        var cut = Render<NewAssignmentPage>();

        await cut.Find("form").SubmitAsync();

        var links = cut.FindAll(".nhsuk-error-summary a").Select(a => (a.GetAttribute("href")!.Split('#')[1], a.TextContent)).ToList();
        Assert.Equal(
            [("module", "Select a module"), ("kind-Team", "Select who to assign the module to"), ("due-day", "Enter the due date")],
            links);
        Assert.NotNull(cut.Find("#module"));
        Assert.NotNull(cut.Find("#kind-Team"));
        Assert.NotNull(cut.Find("#due-day"));
        await _app.ExecuteDbAsync(async db =>
        {
            Assert.False(await db.Assignments.AnyAsync(a => a.CreatedByUserId == manager.Id));
        });
    }

    [Fact]
    public async Task NewAssignment_TeamAndDate_SavesAndGoesToTheList()
    {
        var org = await _app.CreateOrganisationAsync();
        var manager = await _app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA1]);
        SignIn(manager, IaptLearning.Web.Features.Accounts.Roles.Manager);
        var due = UkTime.Today(_app.Clock.GetUtcNow().UtcDateTime).AddDays(14);
        var cut = Render<NewAssignmentPage>();

        cut.Find("#module").Change(_app.SampleModule.Slug);
        cut.Find("#kind-Team").Change("Team");
        Assert.Equal([$"Team A1 {org.Suffix} (Service A {org.Suffix})"], cut.FindAll("#team option").Skip(1).Select(o => o.TextContent));
        cut.Find("#team").Change(org.TeamA1.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#due-day").Change(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#due-month").Change(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#due-year").Change(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#validity").Change("12");
        await cut.Find("form").SubmitAsync();

        await _app.ExecuteDbAsync(async db =>
        {
            var saved = await db.Assignments.SingleAsync(a => a.CreatedByUserId == manager.Id);
            Assert.Equal((org.TeamA1, due, 12), (saved.TeamId!.Value, saved.DueDate, saved.ValidityMonths!.Value));
            Assert.EndsWith($"manage/assignments?assigned={saved.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task NewAssignment_PersonSearch_FindsOnlyPeopleInScopeAndAssigns()
    {
        var org = await _app.CreateOrganisationAsync();
        var manager = await _app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA1]);
        var mine = await _app.CreatePersonAsync($"Zed Mine {org.Suffix}", teamId: org.TeamA1);
        await _app.CreatePersonAsync($"Zed Theirs {org.Suffix}", teamId: org.TeamB1);
        SignIn(manager, IaptLearning.Web.Features.Accounts.Roles.Manager);
        var due = UkTime.Today(_app.Clock.GetUtcNow().UtcDateTime);
        var cut = Render<NewAssignmentPage>();

        cut.Find("#module").Change(_app.SampleModule.Slug);
        cut.Find("#kind-Person").Change("Person");
        cut.Find("#person-search").Change(org.Suffix.ToUpperInvariant());
        cut.FindAll("button").Single(b => b.TextContent == "Search").Click();

        Assert.Equal([$"Zed Mine {org.Suffix}"], cut.FindAll(".nhsuk-radios__label").Where(l => l.TextContent.StartsWith("Zed", StringComparison.Ordinal)).Select(l => l.ChildNodes[0].TextContent));
        cut.Find($"#person-{mine.Id}").Change(mine.Id);
        cut.Find("#due-day").Change(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#due-month").Change(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#due-year").Change(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await cut.Find("form").SubmitAsync();

        await _app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(mine.Id, (await db.Assignments.SingleAsync(a => a.CreatedByUserId == manager.Id)).UserId);
        });
    }

    [Fact]
    public async Task AssignmentsPage_Withdraw_AsksThenWithdrawsAndSaysSo()
    {
        var (org, manager, _) = await StaffSteps.ServiceManagerAndPersonAsync(_app);
        var due = UkTime.Today(_app.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        var created = await _app.Get<AssignmentService>().CreateAsync(manager.Principal, AssignmentSteps.Request(_app, TargetKind.Team, team: org.TeamA2, due: due));
        SignIn(manager, IaptLearning.Web.Features.Accounts.Roles.Manager);
        var cut = Render<AssignmentsPage>();
        var target = $"Team: Team A2 {org.Suffix} (Service A {org.Suffix})";

        cut.FindAll("button").Single(b => b.TextContent == $"Withdraw Sample module from {target}").Click();
        cut.FindAll("button").Single(b => b.TextContent == $"Yes, withdraw Sample module from {target}").Click();

        Assert.Contains($"Withdrawn: Sample module for {target}.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains(target, StringComparison.Ordinal));
        await _app.ExecuteDbAsync(async db =>
        {
            Assert.NotNull((await db.Assignments.SingleAsync(a => a.Id == created.Created!.Id)).RemovedAtUtc);
        });
    }

    [Fact]
    public async Task LearnerPage_ResetWithoutThenWithReason_ErrorsThenResetsAndSaysSo()
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(_app);
        await _app.ExecuteDbAsync(async db =>
        {
            db.AssessmentAttempts.Add(new AssessmentAttempt
            {
                UserId = learner.Id, ModuleSlug = _app.SampleModule.Slug, Number = 1, ModuleVersion = "1.0.0", ContentHash = _app.SampleModule.ContentHash,
                PassMark = 50, StartedAtUtc = _app.Clock.GetUtcNow().UtcDateTime, SubmittedAtUtc = _app.Clock.GetUtcNow().UtcDateTime, QuestionCount = 2, ScorePercent = 0, Passed = false,
            });
            await db.SaveChangesAsync();
        });

        SignIn(manager, IaptLearning.Web.Features.Accounts.Roles.Manager);
        var cut = Render<LearnerPage>(p => p.Add(x => x.UserId, learner.Id));

        cut.FindAll("button").Single(b => b.TextContent.StartsWith("Reset attempts", StringComparison.Ordinal)).Click();
        await cut.Find("form").SubmitAsync();
        Assert.Contains("Enter the reason for resetting the attempts", cut.Find(".nhsuk-error-summary").TextContent, StringComparison.Ordinal);

        cut.Find("#reset-reason").Change("Retrained after a long absence");
        await cut.Find("form").SubmitAsync();

        Assert.Contains("1 attempt at Sample module reset. They no longer count against the attempt limit.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Reset on", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LearnerPage_GrantWithoutReasonThenWithIt_ErrorsThenGrantsAndRevokes()
    {
        var (_, manager, learner) = await StaffSteps.ServiceManagerAndPersonAsync(_app);
        SignIn(manager, IaptLearning.Web.Features.Accounts.Roles.Manager);
        var cut = Render<LearnerPage>(p => p.Add(x => x.UserId, learner.Id));

        cut.Find("#exemption-expires-day").Change("31");
        cut.Find("#exemption-expires-month").Change("2");
        cut.Find("#exemption-expires-year").Change("2030");
        await cut.Find("form").SubmitAsync();
        Assert.Equal(
            ["Expiry date must be a real date"],
            cut.FindAll(".nhsuk-error-summary a").Select(a => a.TextContent));

        cut.Find("#exemption-expires-day").Change("");
        cut.Find("#exemption-expires-month").Change("");
        cut.Find("#exemption-expires-year").Change("");
        await cut.Find("form").SubmitAsync();
        Assert.Equal(["Enter the reason for the exemption"], cut.FindAll(".nhsuk-error-summary a").Select(a => a.TextContent));

        cut.Find("#exemption-reason").Change("Dyslexia: reads with a screen reader");
        await cut.Find("form").SubmitAsync();
        Assert.Contains("Exemption granted.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No end date", cut.Markup, StringComparison.Ordinal);

        cut.FindAll("button").Single(b => b.TextContent.StartsWith("Revoke", StringComparison.Ordinal)).Click();
        Assert.Contains("Exemption revoked. It stays on the record.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Revoked on", cut.Markup, StringComparison.Ordinal);
    }
}
