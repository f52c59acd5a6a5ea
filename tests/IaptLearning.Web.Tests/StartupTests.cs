using IaptLearning.Web.Features.Admin;
using IaptLearning.Web.Features.Assignments;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IaptLearning.Web.Tests;

/// <summary>
/// Development validates the container (scopes, and every registration at build); the Testing
/// environment does not, so a singleton holding a scoped service would pass every other test and
/// stop `dotnet run`. This starts the app with Development's checks on.
/// </summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_WithDevelopmentContainerChecks_EveryServiceResolves()
    {
        await using var app = new ValidatingApp();

        using var scope = app.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<StaffImporter>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<PeopleAdmin>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<AssignmentService>());
    }

    private sealed class ValidatingApp : IAsyncDisposable
    {
        private readonly WebAppFixture _inner = new();

        public IServiceProvider Services => _inner.WithWebHostBuilder(b => b.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        })).Services;

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}
