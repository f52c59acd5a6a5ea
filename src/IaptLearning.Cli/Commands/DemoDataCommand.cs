using System.CommandLine;
using IaptLearning.Cli.Hosting;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Certificates;
using IaptLearning.Web.Features.Demo;
using IaptLearning.Web.Features.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Cli.Commands;

/// <summary>The demo organisation, as the web app creates it at Development start-up, on demand.</summary>
public static class DemoDataCommand
{
    public static Command Create(WebAppLocation? location)
    {
        var data = new Option<string>("--data") { Description = "The web app's data folder (default: what the web app uses; see 'iapt user --help').", HelpName = "folder" };
        var content = new Option<string>("--content") { Description = "The content folder (default: the web app's Content:Path, the repository's content/).", HelpName = "folder" };
        var command = new CliCommand("demo-data", "Create the demo organisation: 3 services, 6 teams, 120 staff with progress (Development only).")
        {
            MoreHelp = () => $"""
                Creates {DemoOrganisation.OrganisationName}: 3 services, 6 teams, 120 invented staff with
                progress on the published modules, team assignments, certificates, and the managers'
                logins listed in the README. Does nothing if the organisation exists. The web app does
                the same at start-up in Development.

                Every demo login has the published password, so this runs only in Development
                (DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT=Development) or with
                Accounts__CreateDemoAccounts=true; never on a real install.
                """,
        };
        command.Add(data);
        command.Add(content);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                return await RunAsync(location ?? WebAppLocation.Detect(), parse.GetValue(data), parse.GetValue(content), parse.InvocationConfiguration.Output, error, cancellationToken);
            }
            catch (CliException e)
            {
                await error.WriteLineAsync($"iapt demo-data: {e.Message}");
                return e.ExitCode;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(WebAppLocation location, string? dataFolder, string? contentFolder, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            // Created below, so the result can be reported.
            ["Demo:CreateOrganisation"] = "false",
        };
        if (contentFolder is not null)
        {
            settings["Content:Path"] = Path.GetFullPath(contentFolder);
        }

        await using var host = await WebAppHost.StartAsync(location, dataFolder, settings, builder =>
        {
            if (!DemoOrganisation.IsAllowed(builder.Environment, builder.Configuration))
            {
                throw new CliException(
                    $"refused: this is the '{builder.Environment.EnvironmentName}' environment. Demo logins all share the published password, " +
                    "so demo data is created only in Development (set DOTNET_ENVIRONMENT=Development) or with Accounts__CreateDemoAccounts=true.",
                    CliApp.Failed);
            }

            builder.AddData();
            builder.AddAccounts();
            builder.AddCatalog();
            builder.AddReleases();
            builder.AddCertificateIssuing();
            builder.AddDemoData();
        }, cancellationToken);
        output.WriteLine($"Database: {host.Database}");
        var contentRoot = host.Services.GetRequiredService<ContentService>().RootPath;
        var modules = host.Services.GetRequiredService<ModuleLibrary>().Published;
        output.WriteLine($"Content: {contentRoot} ({(modules.Length == 1 ? "1 published module" : $"{modules.Length} published modules")})");
        if (modules.IsEmpty)
        {
            error.WriteLine("iapt demo-data: warning: no published module, so the staff will have no progress. Pass --content with a folder of modules.");
        }

        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoOrganisation>().SeedAsync(cancellationToken);
        if (!result.Created)
        {
            output.WriteLine($"{DemoOrganisation.OrganisationName} already exists: nothing was changed.");
            return CliApp.Ok;
        }

        output.WriteLine(
            $"Created {DemoOrganisation.OrganisationName}: {result.Staff} staff, {result.Completed} completions, " +
            $"{result.InProgress} in progress, {result.Certificates} certificates ({result.Elapsed.TotalSeconds:0.0} s).");
        output.WriteLine($"Sign in as any of these, password {DemoOrganisation.Password}:");
        foreach (var (email, description) in DemoOrganisation.Logins)
        {
            output.WriteLine($"  {email,-32} {description}");
        }

        return CliApp.Ok;
    }
}
