using IaptLearning.Web.Features.Admin;
using IaptLearning.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Admin;

[Collection(WebAppTests.Name)]
public class OrganisationAdminTests(WebAppFixture app)
{
    private OrganisationAdmin Admin => app.Get<OrganisationAdmin>();

    [Fact]
    public async Task CreateOrganisation_NameTakenInAnotherCase_RefusedAndNothingAdded()
    {
        var name = WebAppFixture.Unique("Trust");
        Assert.True((await Admin.CreateOrganisationAsync(name, "rx4", WebAppFixture.AdminActor())).Succeeded);

        var again = await Admin.CreateOrganisationAsync("  " + name.ToUpperInvariant() + " ", null, WebAppFixture.AdminActor());

        Assert.False(again.Succeeded);
        Assert.Equal("Name", again.Field);
        Assert.Contains("already an organisation called", again.Error, StringComparison.Ordinal);
        await app.ExecuteDbAsync(async db =>
        {
            var saved = Assert.Single(await db.Organisations.ToListAsync(), o => string.Equals(o.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
            Assert.Equal("RX4", saved.OdsCode);
        });
    }

    [Theory]
    [InlineData("", null, "Name", "Enter the organisation's name")]
    [InlineData("   ", null, "Name", "Enter the organisation's name")]
    [InlineData("ok name", "R!", "OdsCode", "ODS code must be")]
    [InlineData("ok name", "ABCDEFGHIJK", "OdsCode", "ODS code must be")]
    public async Task CreateOrganisation_BadInput_RefusedNamingTheField(string name, string? ods, string field, string message)
    {
        var result = await Admin.CreateOrganisationAsync(name, ods, WebAppFixture.AdminActor());

        Assert.Equal(field, result.Field);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrganisation_NameTooLong_Refused()
    {
        var result = await Admin.CreateOrganisationAsync(new string('x', OrganisationAdmin.MaxNameLength + 1), null, WebAppFixture.AdminActor());

        Assert.Contains("200 characters or fewer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateOrganisation_Renamed_AuditsBeforeAndAfter()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var newName = WebAppFixture.Unique("Renamed trust");

        Assert.True((await Admin.UpdateOrganisationAsync(s.Id, newName, "RX4E4", WebAppFixture.AdminActor())).Succeeded);

        var audit = (await app.AuditAsync(AuditActions.OrganisationChanged)).Last(e => e.Summary.Contains(newName, StringComparison.Ordinal));
        Assert.Contains(s.Name, audit.DetailsJson, StringComparison.Ordinal);
        Assert.Contains("\"odsCode\":\"RX4E4\"", audit.DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTeam_SameNameInAnotherServiceAllowed_SameServiceRefused()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);

        // "Step 2" exists in both services already (CreateStructureAsync); a third in service A is refused.
        var again = await Admin.AddTeamAsync(s.ServiceA, "step 2", WebAppFixture.AdminActor());

        Assert.False(again.Succeeded);
        Assert.Contains("already a team called step 2 in North Talking Therapies", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameTeam_ToASiblingsName_RefusedAndNameUnchanged()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);

        var result = await Admin.RenameTeamAsync(s.TeamA2, "STEP 2", WebAppFixture.AdminActor());

        Assert.False(result.Succeeded);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal("Step 3", (await db.Teams.FindAsync(s.TeamA2))!.Name);
        });
    }

    [Fact]
    public async Task RenameService_NewName_SavedAndAudited()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);

        Assert.True((await Admin.RenameServiceAsync(s.ServiceB, "East Talking Therapies", WebAppFixture.AdminActor())).Succeeded);

        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal("East Talking Therapies", (await db.Services.FindAsync(s.ServiceB))!.Name);
            var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.OrganisationChanged).OrderBy(e => e.Id).LastAsync();
            Assert.Equal("Renamed the service South Talking Therapies to East Talking Therapies", audit.Summary);
        });
    }

    [Fact]
    public async Task DeleteTeam_WithPeople_RefusedSayingHowMany()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        await app.CreatePersonAsync(teamId: s.TeamA1);
        await app.CreatePersonAsync(teamId: s.TeamA1);

        var result = await Admin.DeleteTeamAsync(s.TeamA1, WebAppFixture.AdminActor());

        Assert.Equal("Step 2 cannot be deleted because 2 people are in it. Move them to another team first.", result.Error);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.NotNull(await db.Teams.FindAsync(s.TeamA1));
        });
    }

    [Fact]
    public async Task DeleteTeam_PeopleWereInItBefore_RefusedToKeepTheirHistory()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (person, _) = await app.CreatePersonAsync(teamId: s.TeamA1);
        Assert.True((await app.Get<PeopleAdmin>().MoveTeamAsync(person, s.TeamA2, WebAppFixture.AdminActor())).Succeeded);

        var result = await Admin.DeleteTeamAsync(s.TeamA1, WebAppFixture.AdminActor());

        Assert.Contains("people have been in it before", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteTeam_Empty_DeletedAndAudited()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);

        Assert.True((await Admin.DeleteTeamAsync(s.TeamA2, WebAppFixture.AdminActor())).Succeeded);

        await app.ExecuteDbAsync(async db =>
        {
            Assert.Null(await db.Teams.FindAsync(s.TeamA2));
            Assert.Contains(await db.AuditEvents.Where(e => e.Action == AuditActions.OrganisationChanged).ToListAsync(),
                e => e.Summary == "Deleted the team Step 3" && e.DetailsJson!.Contains($"\"id\":{s.TeamA2}", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task DeleteService_WithTeams_RefusedThenAllowedOnceEmpty()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);

        var refused = await Admin.DeleteServiceAsync(s.ServiceB, WebAppFixture.AdminActor());
        Assert.Contains("still has teams", refused.Error, StringComparison.Ordinal);

        Assert.True((await Admin.DeleteTeamAsync(s.TeamB1, WebAppFixture.AdminActor())).Succeeded);
        Assert.True((await Admin.DeleteServiceAsync(s.ServiceB, WebAppFixture.AdminActor())).Succeeded);
    }

    [Fact]
    public async Task AddService_OrganisationGone_SaysSo()
    {
        var result = await Admin.AddServiceAsync(int.MaxValue, "Anything", WebAppFixture.AdminActor());

        Assert.Contains("no longer exists", result.Error, StringComparison.Ordinal);
    }
}
