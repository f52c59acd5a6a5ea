using System.Net;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Admin;

namespace IaptLearning.Web.Tests.Features.Admin;

/// <summary>A deactivated person's cookie stops working within a minute, and they cannot sign in again.</summary>
[Collection(WebAppTests.Name)]
public partial class DeactivationTests(WebAppFixture app)
{
    private static readonly Uri Profile = new("/Account/Manage", UriKind.Relative);
    private static readonly Uri AdminHome = new("/admin", UriKind.Relative);

    [Fact]
    public async Task Deactivated_CookieRefusedOnceAMinuteHasPassed_AndSignInRefusedWithAClearMessage()
    {
        var (id, email) = await app.CreatePersonAsync();
        using var client = await app.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Profile)).StatusCode);

        Assert.True((await app.Get<PeopleAdmin>().DeactivateAsync(id, WebAppFixture.AdminActor())).Succeeded);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        var refused = await client.GetAsync(Profile);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Account/Login", refused.Headers.Location!.ToString(), StringComparison.Ordinal);

        var signIn = await WebAppFixture.PostSignInAsync(app.CreateBrowserClient(), email, WebAppFixture.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var html = await signIn.Content.ReadAsStringAsync();
        Assert.Contains("This account has been deactivated", html, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Deactivated_WrongPassword_GetsTheUsualMessageRevealingNothing()
    {
        var (id, email) = await app.CreatePersonAsync();
        Assert.True((await app.Get<PeopleAdmin>().DeactivateAsync(id, WebAppFixture.AdminActor())).Succeeded);

        var html = await (await WebAppFixture.PostSignInAsync(app.CreateBrowserClient(), email, "not the password at all")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("deactivated", html, StringComparison.Ordinal);
        Assert.Contains("email address or password is not right", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reactivated_CanSignInAgain()
    {
        var (id, email) = await app.CreatePersonAsync();
        var people = app.Get<PeopleAdmin>();
        Assert.True((await people.DeactivateAsync(id, WebAppFixture.AdminActor())).Succeeded);
        Assert.True((await people.ReactivateAsync(id, WebAppFixture.AdminActor())).Succeeded);

        using var client = await app.SignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Profile)).StatusCode);
    }

    [Fact]
    public async Task RoleGranted_ReachesTheCookieWithinAMinuteWithoutSigningIn()
    {
        var (id, email) = await app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Learner]);
        using var client = await app.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(AdminHome)).StatusCode);

        Assert.True((await app.Get<PeopleAdmin>().SetRolesAsync(id, [Roles.Learner, Roles.Admin], WebAppFixture.AdminActor())).Succeeded);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AdminHome)).StatusCode);
    }

    [Fact]
    public async Task RoleRemoved_CookieStopsWorkingWithinAMinute()
    {
        await app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Admin]); // so this one is not the last admin
        var (id, email) = await app.CreatePersonAsync(jobRole: JobRole.Other, roles: [Roles.Learner, Roles.Admin]);
        using var client = await app.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AdminHome)).StatusCode);

        Assert.True((await app.Get<PeopleAdmin>().SetRolesAsync(id, [Roles.Learner], WebAppFixture.AdminActor())).Succeeded);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        var response = await client.GetAsync(AdminHome);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
