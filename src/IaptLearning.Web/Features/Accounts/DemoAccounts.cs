using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Features.Accounts;

/// <summary>Development only: accounts to try the site with (listed in docs/accounts.md).</summary>
internal sealed class DemoAccounts(IServiceProvider services, ILogger<DemoAccounts> logger) : IHostedService
{
    public const string Password = "demo-password-2026";

    public static readonly IReadOnlyList<(string Email, string FullName, JobRole Role, string[] Roles)> All =
    [
        ("learner@example.nhs.uk", "Alex Learner", JobRole.PsychologicalWellbeingPractitioner, [Roles.Learner]),
        ("therapist@example.nhs.uk", "Sam Therapist", JobRole.HighIntensityTherapist, [Roles.Learner]),
        ("author@example.nhs.uk", "Jo Author", JobRole.HighIntensityTherapist, [Roles.Learner, Roles.Author]),
        ("admin@example.nhs.uk", "Pat Admin", JobRole.ServiceManager, [Roles.Learner, Roles.Admin]),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, fullName, role, roles) in All)
        {
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                await AddMissingRoles(users, existing, roles);
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = fullName,
                JobRole = role,
                EmployingService = "Demo NHS Talking Therapies service",
                CreatedAtUtc = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                logger.LogWarning("Could not create demo account {Email}: {Errors}", email, string.Join("; ", result.Errors.Select(e => e.Description)));
                continue;
            }

            await AddMissingRoles(users, user, roles);
        }
    }

    private static async Task AddMissingRoles(UserManager<ApplicationUser> users, ApplicationUser user, string[] roles)
    {
        var held = await users.GetRolesAsync(user);
        var missing = roles.Except(held, StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            await users.AddToRolesAsync(user, missing);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
