using System.Globalization;
using System.Security.Claims;
using Bunit;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Admin;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Admin;

/// <summary>The admin pages' forms as an admin uses them, rendered against the real app's services and database.</summary>
[Collection(WebAppTests.Name)]
public class AdminPagesInteractionTests : BunitContext
{
    private readonly WebAppFixture _app;

    public AdminPagesInteractionTests(WebAppFixture app)
    {
        _app = app;
        Services.AddFallbackServiceProvider(app.Services);
        AddAuthorization().SetAuthorized("admin@example.nhs.uk").SetRoles(Roles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin-" + Guid.NewGuid().ToString("N")));
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task OrganisationPage_DuplicateTeamName_ShowsTheErrorAndKeepsWhatWasTyped()
    {
        var s = await _app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var cut = Render<OrganisationPage>(p => p.Add(c => c.Id, s.Id));
        cut.WaitForElement($"#new-team-{s.ServiceA}");

        cut.Find($"#new-team-{s.ServiceA}").Change("STEP 3");
        cut.Find($"#new-team-{s.ServiceA}").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("There is already a team called STEP 3 in North Talking Therapies", cut.Find(".nhsuk-error-summary").TextContent, StringComparison.Ordinal));
        Assert.Equal("STEP 3", cut.Find($"#new-team-{s.ServiceA}").GetAttribute("value"));
        Assert.Contains("STEP 3", cut.Find($"#new-team-{s.ServiceA}-error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationPage_AddTeamThenDeleteIt_ListedThenGone()
    {
        var s = await _app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var cut = Render<OrganisationPage>(p => p.Add(c => c.Id, s.Id));
        cut.WaitForElement($"#new-team-{s.ServiceB}");

        cut.Find($"#new-team-{s.ServiceB}").Change("Step 4");
        cut.Find($"#new-team-{s.ServiceB}").Closest("form")!.Submit();
        cut.WaitForAssertion(() => Assert.Contains("The team Step 4 has been added.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Delete Step 4").Click();
        cut.WaitForAssertion(() => Assert.Contains("The team has been deleted.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Step 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportPage_FileWithProblems_ShowsEveryRowAndNoImportButton()
    {
        var s = await _app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var cut = Render<ImportPage>();
        cut.Find("#organisation").Change(Text(s.Id));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "name,email,job role,team\n=cmd|' /C calc'!A0,ok@example.nhs.uk,Counsellor,Step 3\n,bad,Astronaut,Step 2\n", "staff.csv"));

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Row 3:", cut.Find(".nhsuk-error-summary").TextContent, StringComparison.Ordinal));
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("=cmd|' /C calc'!A0", rows[0].QuerySelectorAll("td")[0].TextContent);
        Assert.Contains("Ready", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Name is missing.", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("More than one service has a team called \"Step 2\"", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.StartsWith("Import", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportPage_GoodFile_PreviewThenImportAddsEveryone()
    {
        var s = await _app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var emails = new[] { $"a-{Guid.NewGuid():N}@example.nhs.uk", $"b-{Guid.NewGuid():N}@example.nhs.uk" };
        var cut = Render<ImportPage>();
        cut.Find("#organisation").Change(Text(s.Id));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            $"Team,Name,Email,Job Role\nStep 3,Ann Example,{emails[0]},Counsellor\nSouth Talking Therapies / Step 2,Bob Example,{emails[1]},supervisor\n", "staff.csv"));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Import 2 people"));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Import 2 people").Click();

        cut.WaitForAssertion(() => Assert.Contains("Imported 2 people. Invitations sent: 2.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        await _app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(2, await db.Users.CountAsync(u => emails.Contains(u.Email)));
            Assert.Empty(cut.FindAll("tbody tr"));
        });
    }

    [Fact]
    public void ImportPage_NoFileChosen_SaysChooseAFile()
    {
        var cut = Render<ImportPage>();

        cut.Find("form").Submit();

        Assert.Contains("Choose a CSV file", cut.Find("#file-error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPersonPage_FilledIn_CreatesTheAccountWithEveryFieldAndGoesToTheirPage()
    {
        var s = await _app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var email = $"invited-{Guid.NewGuid():N}@example.nhs.uk";
        var cut = Render<NewPersonPage>();
        cut.WaitForElement($"#team option[value='{Text(s.TeamB1)}']");

        cut.Find("#full-name").Change("Invited Person");
        cut.Find("#email").Change(email);
        cut.Find("#job-role").Change(nameof(JobRole.EmdrTherapist));
        cut.Find("#employee-number").Change("ESR-1");
        cut.Find("#team").Change(Text(s.TeamB1));
        cut.Find("#role-manager").Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("/admin/people/", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal));
        await _app.ExecuteDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.Equal(("Invited Person", JobRole.EmdrTherapist, "ESR-1", s.TeamB1), (user.FullName, user.JobRole!.Value, user.EmployeeNumber, user.TeamId!.Value));
            Assert.True(user.EmailConfirmed);
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
            Assert.Equal([Roles.Learner, Roles.Manager], roles.Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public async Task NewPersonPage_DuplicateEmail_ErrorBesideTheFieldAndNothingLost()
    {
        var (_, email) = await _app.CreatePersonAsync();
        var cut = Render<NewPersonPage>();

        cut.Find("#full-name").Change("Second Person");
        cut.Find("#email").Change(email);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("already has an account", cut.Find("#email-error").TextContent, StringComparison.Ordinal));
        Assert.Equal("Second Person", cut.Find("#full-name").GetAttribute("value"));
        Assert.Equal(email, cut.Find("#email").GetAttribute("value"));
    }

    [Fact]
    public async Task PersonPage_MoveTeam_ShowsTheNewTeamAndTheHistory()
    {
        var s = await _app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (id, _) = await _app.CreatePersonAsync(teamId: s.TeamA1);
        var cut = Render<PersonPage>(p => p.Add(c => c.UserId, id));
        cut.WaitForElement("#move-team");

        cut.Find("#move-team").Change(Text(s.TeamB1));
        cut.Find("#move-team").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("They have been moved", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Now in: South Talking Therapies / Step 2", cut.Markup.Replace("<strong>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("caption").Single(c => c.TextContent == "Team history").ParentElement!.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task PersonPage_Deactivate_AsksFirstThenDeactivates()
    {
        var (id, _) = await _app.CreatePersonAsync();
        var cut = Render<PersonPage>(p => p.Add(c => c.UserId, id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Deactivate account"));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Deactivate account").Click();
        await _app.ExecuteDbAsync(async db =>
        {
            Assert.Null((await db.Users.SingleAsync(u => u.Id == id)).DeactivatedAtUtc);
        });

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Yes, deactivate the account").Click();

        cut.WaitForAssertion(() => Assert.Contains("The account has been deactivated", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Deactivated", cut.Find("h1").TextContent, StringComparison.Ordinal);
        await _app.ExecuteDbAsync(async after =>
        {
            Assert.NotNull((await after.Users.SingleAsync(u => u.Id == id)).DeactivatedAtUtc);
        });
    }
}
