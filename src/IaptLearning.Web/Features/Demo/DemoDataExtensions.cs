namespace IaptLearning.Web.Features.Demo;

public static class DemoDataExtensions
{
    /// <summary>
    /// The demo organisation (<see cref="DemoOrganisation"/>), created at start-up in Development or
    /// with <c>Accounts:CreateDemoAccounts=true</c>, unless <c>Demo:CreateOrganisation=false</c>.
    /// Register after the accounts: it runs after the role seeder and the demo accounts.
    /// </summary>
    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Scoped: Identity's password hasher and normaliser are.
        builder.Services.AddScoped<DemoOrganisation>();
        if (DemoOrganisation.IsAllowed(builder.Environment, builder.Configuration) && builder.Configuration.GetValue("Demo:CreateOrganisation", true))
        {
            builder.Services.AddHostedService<DemoOrganisationStartup>();
        }

        return builder;
    }

    private sealed class DemoOrganisationStartup(IServiceProvider services) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoOrganisation>().SeedAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
