using System.Net;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;

namespace IaptLearning.Web.Tests.Features.Admin;

/// <summary>Every admin page over HTTP: refused to anonymous people, learners and managers; shown to admins.</summary>
[Collection(WebAppTests.Name)]
public class AdminPagesTests(WebAppFixture app)
{
    public static TheoryData<string> Pages => ["/admin", "/admin/organisations", "/admin/organisations/{org}", "/admin/people", "/admin/people/new", "/admin/people/{person}", "/admin/people/import"];

    private async Task<string> AddressAsync(string page)
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (person, _) = await app.CreatePersonAsync(teamId: s.TeamA1);
        return page.Replace("{org}", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{person}", person, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_Anonymous_RedirectedToSignIn(string page)
    {
        using var client = app.CreateBrowserClient();

        var response = await client.GetAsync(new Uri(await AddressAsync(page), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_LearnerOrManager_Refused(string page)
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (_, learner) = await app.CreatePersonAsync(jobRole: JobRole.Counsellor, teamId: s.TeamA1, roles: [Roles.Learner]);
        var (manager, managerEmail) = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Learner, Roles.Manager, Roles.Author]);
        Assert.True((await app.Get<IaptLearning.Web.Features.Admin.PeopleAdmin>().AddScopeAsync(manager, s.ServiceA, null, WebAppFixture.AdminActor())).Succeeded);
        var address = new Uri(await AddressAsync(page), UriKind.Relative);

        foreach (var email in new[] { learner, managerEmail })
        {
            using var client = await app.SignInAsync(email);
            var response = await client.GetAsync(address);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/admin", "Administration")]
    [InlineData("/admin/organisations", "Add an organisation")]
    [InlineData("/admin/organisations/{org}", "Services and teams")]
    [InlineData("/admin/people", "Find people")]
    [InlineData("/admin/people/new", "Invite a person")]
    [InlineData("/admin/people/{person}", "Team history")]
    [InlineData("/admin/people/import", "Import staff from a spreadsheet")]
    public async Task Get_Admin_ShowsThePage(string page, string text)
    {
        var (_, email) = await app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Learner, Roles.Admin]);
        using var client = await app.SignInAsync(email);

        var response = await client.GetAsync(new Uri(await AddressAsync(page), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPeople_SearchAndTeamFilter_ShowOnlyMatchingPeople()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (_, email) = await app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Learner, Roles.Admin]);
        var (inTeam, _) = await app.CreatePersonAsync(teamId: s.TeamA2);
        var (elsewhere, _) = await app.CreatePersonAsync(teamId: s.TeamB1);
        using var client = await app.SignInAsync(email);

        var html = await client.GetStringAsync(new Uri($"/admin/people?team={s.TeamA2}", UriKind.Relative));

        Assert.Contains("1 person found", html, StringComparison.Ordinal);
        Assert.Contains(inTeam, html, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/organisations/999999")]
    [InlineData("/admin/people/no-such-person")]
    public async Task Get_Admin_MissingRecord_Answers404(string page)
    {
        var (_, email) = await app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Learner, Roles.Admin]);
        using var client = await app.SignInAsync(email);

        var response = await client.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
