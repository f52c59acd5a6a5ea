using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Admin;

namespace IaptLearning.Web.Tests.Features.Admin;

/// <summary>On an app of its own, so it knows exactly who the admins are.</summary>
public sealed class LastAdminTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private readonly WebAppFixture _app = app;

    [Fact]
    public async Task LastActiveAdmin_CannotLoseTheRoleOrBeDeactivated_UntilThereIsAnother()
    {
        var people = _app.Get<PeopleAdmin>();
        var (first, _) = await _app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Learner, Roles.Admin]);

        var demote = await people.SetRolesAsync(first, [Roles.Learner], WebAppFixture.AdminActor(first));
        var deactivate = await people.DeactivateAsync(first, WebAppFixture.AdminActor());

        Assert.Contains("only active admin", demote.Error, StringComparison.Ordinal);
        Assert.Contains("only active admin", deactivate.Error, StringComparison.Ordinal);

        // A deactivated admin does not count as another admin.
        var (second, _) = await _app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Learner, Roles.Admin]);
        Assert.True((await people.DeactivateAsync(second, WebAppFixture.AdminActor(first))).Succeeded);
        Assert.False((await people.SetRolesAsync(first, [Roles.Learner], WebAppFixture.AdminActor(first))).Succeeded);

        Assert.True((await people.ReactivateAsync(second, WebAppFixture.AdminActor(first))).Succeeded);
        Assert.True((await people.SetRolesAsync(first, [Roles.Learner], WebAppFixture.AdminActor(first))).Succeeded);
    }
}
