using IaptLearning.Web.Features.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IaptLearning.Web.Tests.Features.Demo;

public class DemoDataExtensionsTests
{
    [Theory]
    [InlineData("Development", null, null, true)]
    [InlineData("Development", null, "false", false)]
    [InlineData("Testing", null, null, false)]
    [InlineData("Production", null, null, false)]
    [InlineData("Production", "false", null, false)]
    [InlineData("Testing", "true", null, true)]
    [InlineData("Production", "true", "false", false)]
    public void AddDemoData_Environment_SeedsAtStartUpOnlyWhereAllowed(string environment, string? createDemoAccounts, string? createOrganisation, bool expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Accounts:CreateDemoAccounts"] = createDemoAccounts,
            ["Demo:CreateOrganisation"] = createOrganisation,
        });
        builder.AddDemoData();
        Assert.Equal(expected, builder.Services.Any(d => d.ServiceType == typeof(IHostedService)));
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(DemoOrganisation));
    }
}
