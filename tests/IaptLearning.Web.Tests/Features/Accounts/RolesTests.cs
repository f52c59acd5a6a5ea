using System.Security.Claims;
using IaptLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Accounts;

[Collection(WebAppTests.Name)]
public class RolesTests(WebAppFixture app)
{
    [Fact]
    public async Task Startup_SeedsEveryRole()
    {
        using var scope = app.Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        foreach (var role in Roles.All)
        {
            Assert.True(await roles.RoleExistsAsync(role), role);
        }
    }

    [Theory]
    [InlineData(Roles.AuthorsPolicy, "author", true)]
    [InlineData(Roles.AuthorsPolicy, "admin", true)]
    [InlineData(Roles.AuthorsPolicy, "manager", false)]
    [InlineData(Roles.AuthorsPolicy, "learner", false)]
    [InlineData(Roles.ManagersPolicy, "manager", true)]
    [InlineData(Roles.ManagersPolicy, "author", false)]
    [InlineData(Roles.AdminsPolicy, "admin", true)]
    [InlineData(Roles.AdminsPolicy, "manager", false)]
    public async Task Policy_Role_AllowedOnlyAsTheTableSays(string policy, string role, bool allowed)
    {
        var authorization = app.Get<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, role)], "test"));

        var result = await authorization.AuthorizeAsync(user, policy);

        Assert.Equal(allowed, result.Succeeded);
    }
}
