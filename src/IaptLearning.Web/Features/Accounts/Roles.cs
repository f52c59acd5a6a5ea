using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Features.Accounts;

/// <summary>
/// The roles a person can hold (several at once). Every signed-in person is a learner; the
/// others are granted. Policies name who may do what, so pages say <c>[Authorize(Policy = ...)]</c>
/// rather than listing roles.
/// </summary>
public static class Roles
{
    public const string Learner = "learner";
    public const string Author = "author";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Learner, Author, Manager, Admin];

    /// <summary>Policy: authors and admins (the author's area, drafts and previews).</summary>
    public const string AuthorsPolicy = "Authors";

    /// <summary>Policy: managers and admins (reports within their scope).</summary>
    public const string ManagersPolicy = "Managers";

    /// <summary>Policy: admins only (revocations, organisations, roles).</summary>
    public const string AdminsPolicy = "Admins";

    public static void AddPolicies(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(AuthorsPolicy, p => p.RequireAuthenticatedUser().RequireRole(Author, Admin));
        options.AddPolicy(ManagersPolicy, p => p.RequireAuthenticatedUser().RequireRole(Manager, Admin));
        options.AddPolicy(AdminsPolicy, p => p.RequireAuthenticatedUser().RequireRole(Admin));
    }
}

/// <summary>Makes sure every role exists; roles are reference data, so this runs in every environment.</summary>
internal sealed class RoleSeeder(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role '{role}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
