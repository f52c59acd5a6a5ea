using System.Reflection;
using IaptLearning.Web.Components.Account;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Admin;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaptLearning.Web.Tests.Features.Admin;

/// <summary>Open interactive pages (circuits) check the sign-in every minute and drop a deactivated person.</summary>
[Collection(WebAppTests.Name)]
public class RevalidationTests(WebAppFixture app)
{
    private IdentityRevalidatingAuthenticationStateProvider Provider() =>
        new(app.Get<ILoggerFactory>(), app.Get<IServiceScopeFactory>(), app.Get<IOptions<IdentityOptions>>());

    // The framework calls these; they are protected, so the test reaches them the same way.
    private static T Call<T>(object target, string name, params object[] args) =>
        (T)target.GetType().GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(target, args)!;

    private static TimeSpan Interval(object target) =>
        (TimeSpan)target.GetType().GetProperty("RevalidationInterval", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(target)!;

    [Fact]
    public void RevalidationInterval_IsOneMinute()
    {
        using var provider = Provider();

        Assert.Equal(TimeSpan.FromMinutes(1), Interval(provider));
        Assert.Equal(AdminExtensions.RevalidationInterval, app.Get<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
    }

    [Fact]
    public async Task Validate_DeactivatedEvenWithTheSameStamp_IsInvalid()
    {
        var (id, _) = await app.CreatePersonAsync();
        AuthenticationState state;
        using (var scope = app.Services.CreateScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
            state = new AuthenticationState(await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(id))!));
        }

        using var provider = Provider();
        Assert.True(await Call<Task<bool>>(provider, "ValidateAuthenticationStateAsync", state, CancellationToken.None));

        await app.ExecuteDbAsync(async db =>
        {
            var user = await db.Users.FindAsync(id);
            user!.DeactivatedAtUtc = app.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        });

        Assert.False(await Call<Task<bool>>(provider, "ValidateAuthenticationStateAsync", state, CancellationToken.None));
    }
}
