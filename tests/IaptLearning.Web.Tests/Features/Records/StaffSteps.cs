using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;

namespace IaptLearning.Web.Tests.Features.Records;

/// <summary>The usual starting point of the staff tests, from the fixture's own organisation and people.</summary>
internal static class StaffSteps
{
    /// <summary>A new organisation, a manager of its service A and a person in team A1.</summary>
    public static async Task<(TestOrganisation Org, TestPerson Manager, TestPerson Person)> ServiceManagerAndPersonAsync(WebAppFixture app)
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceA]);
        return (org, manager, await app.CreatePersonAsync(teamId: org.TeamA1));
    }
}
