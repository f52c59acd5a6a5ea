using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Features.Accounts;

/// <summary>Development only: accounts to try the site with (listed in docs/accounts.md).</summary>
internal sealed class DemoAccounts(IServiceProvider services, ILogger<DemoAccounts> logger) : IHostedService
{
    public const string Password = "demo-password-2026";

    public static readonly IReadOnlyList<(string Email, string FullName, JobRole Role)> All =
    [
        ("learner@example.nhs.uk", "Alex Learner", JobRole.PsychologicalWellbeingPractitioner),
        ("therapist@example.nhs.uk", "Sam Therapist", JobRole.HighIntensityTherapist),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, fullName, role) in All)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
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
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
