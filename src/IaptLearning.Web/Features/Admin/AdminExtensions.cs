using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Features.Admin;

public static class AdminExtensions
{
    /// <summary>How soon a deactivation, a removed role or a new role reaches a signed-in person.</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<OrganisationAdmin>();
        services.AddSingleton<PeopleAdmin>();
        services.AddSingleton<PeopleSearch>();
        services.AddSingleton<StaffImporter>();

        // Replaces Identity's sign-in manager (the last registration wins) so deactivated accounts cannot sign in.
        services.AddScoped<SignInManager<ApplicationUser>, ActiveAccountSignInManager>();

        // The cookie is checked against the database every minute rather than every 30: a changed
        // security stamp (deactivation, a role taken away) signs the person out, and otherwise the
        // roles in the cookie are refreshed. The app's clock, so tests can move it.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<TimeProvider>((options, clock) =>
            {
                options.ValidationInterval = RevalidationInterval;
                options.TimeProvider = clock;
            });
        return builder;
    }
}
