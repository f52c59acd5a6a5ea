using System.CommandLine;
using IaptLearning.Cli.Hosting;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Cli.Commands;

/// <summary><c>iapt content publish</c> and <c>iapt content releases</c>: the releases learners get, over the web app's database.</summary>
public static class ContentCommand
{
    public static Command Create(WebAppLocation? location)
    {
        var command = new Command("content", "Publish a module from the content folder, and list the releases learners get.");
        command.Add(Publish(location));
        command.Add(Releases(location));
        return command;
    }

    private static Option<string> DataOption() =>
        new("--data") { Description = "The web app's data folder (default: what the web app uses; see 'iapt user --help').", HelpName = "folder" };

    private static Option<string> ContentOption() =>
        new("--content") { Description = "The content folder (default: the web app's Content:Path, the repository's content/).", HelpName = "folder" };

    private static Argument<string> ModuleArgument()
    {
        var module = new Argument<string>("module") { Description = "The module's folder name (its slug), for example long-covid." };
        // The parser takes an unknown option for the module; say what it is instead of "no module folder '--x'".
        module.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: ['-', ..] unknown }])
            {
                result.AddError($"unknown option '{unknown}'.");
            }
        });
        return module;
    }

    private static CliCommand Publish(WebAppLocation? location)
    {
        var module = ModuleArgument();
        var data = DataOption();
        var content = ContentOption();
        var acceptWarnings = new Option<bool>("--accept-warnings") { Description = "Publish although the validator gives warnings (each is printed and kept in the audit log)." };
        var command = new CliCommand("publish", "Publish the module folder as a new release: learners get it from the next page they open.")
        {
            MoreHelp = () => """
                The module must validate with no error, be status: published, and have a version no
                earlier release of it used (and not lower than the highest). What changes for learners
                is printed first. With warnings, nothing is published unless --accept-warnings is given.
                Recorded in the audit log as published from the command line.

                Exit codes: 0 published; 1 refused (the reason is printed); 2 usage or unreadable data.

                Example: iapt content publish long-covid --data /srv/iapt/data
                """,
        };
        command.Add(module);
        command.Add(data);
        command.Add(content);
        command.Add(acceptWarnings);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                await using var host = await StartAsync(location ?? WebAppLocation.Detect(), parse.GetValue(data), parse.GetValue(content), cancellationToken);
                var publisher = host.Services.GetRequiredService<ReleasePublisher>();
                var slug = parse.GetValue(module)!;
                output.WriteLine($"Database: {host.Database}");
                var candidate = await publisher.PrepareAsync(slug, cancellationToken);
                foreach (var problem in candidate.Errors)
                {
                    error.WriteLine(problem.Format(host.Services.GetRequiredService<ContentService>().RootPath));
                }

                foreach (var warning in candidate.Warnings)
                {
                    error.WriteLine(warning);
                }

                if (candidate.Refusal is { } refusal)
                {
                    error.WriteLine($"iapt content publish: refused: {refusal}");
                    return CliApp.Failed;
                }

                output.WriteLine($"{candidate.Module!.Title} version {candidate.Module.Version} ({candidate.Module.ContentHash[..12]}), replacing {candidate.Serving?.Version ?? "no release"}:");
                foreach (var change in candidate.Changes)
                {
                    output.WriteLine($"  {change.Area}: {change.Text}");
                }

                if (candidate.Warnings.Count > 0 && !parse.GetValue(acceptWarnings))
                {
                    error.WriteLine($"iapt content publish: refused: the validator gives {candidate.Warnings.Count} {(candidate.Warnings.Count == 1 ? "warning" : "warnings")} (above). Read them, then run again with --accept-warnings to publish.");
                    return CliApp.Failed;
                }

                var outcome = await publisher.PublishAsync(slug, null, ReleaseSources.CommandLine, candidate.Module.ContentHash, candidate.Warnings, cancellationToken);
                if (!outcome.Succeeded)
                {
                    error.WriteLine($"iapt content publish: refused: {outcome.Message}");
                    return CliApp.Failed;
                }

                output.WriteLine(outcome.Message);
                return CliApp.Ok;
            }
            catch (CliException e)
            {
                await error.WriteLineAsync($"iapt content publish: {e.Message}");
                return e.ExitCode;
            }
        });
        return command;
    }

    private static CliCommand Releases(WebAppLocation? location)
    {
        var module = ModuleArgument();
        var data = DataOption();
        var command = new CliCommand("releases", "List a module's releases, newest first: version, content hash, when, who, and which one learners get.")
        {
            MoreHelp = () => "Times are UK time. Exit codes: 0 listed (also when there is none); 2 usage or unreadable data.",
        };
        command.Add(module);
        command.Add(data);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                await using var host = await StartAsync(location ?? WebAppLocation.Detect(), parse.GetValue(data), null, cancellationToken);
                var slug = parse.GetValue(module)!;
                var rows = await host.Services.GetRequiredService<ReleasePublisher>().ListAsync(slug, cancellationToken);
                output.WriteLine($"Database: {host.Database}");
                if (rows.Count == 0)
                {
                    output.WriteLine($"{slug} has no releases.");
                    return CliApp.Ok;
                }

                output.WriteLine($"{"Version",-10} {"Content hash",-12}  {"Published",-22} {"By",-32} Status");
                foreach (var row in rows)
                {
                    var status = row.IsServed ? "learners get this"
                        : row.WithdrawnAtUtc is { } withdrawn ? $"withdrawn {UkTime.DateAndTime(withdrawn)} by {row.WithdrawnByName}: {row.WithdrawalReason}"
                        : "earlier release";
                    output.WriteLine($"{row.Version,-10} {row.ContentHash[..12]}  {UkTime.DateAndTime(row.PublishedAtUtc),-22} {$"{row.PublishedByName} ({row.Source})",-32} {status}");
                }

                return CliApp.Ok;
            }
            catch (CliException e)
            {
                await error.WriteLineAsync($"iapt content releases: {e.Message}");
                return e.ExitCode;
            }
        });
        return command;
    }

    private static Task<WebAppHost> StartAsync(WebAppLocation location, string? dataFolder, string? contentFolder, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            // The command publishes what it is told to, never by itself.
            ["Content:AutoPublish"] = "false",
            ["Content:FirstRelease"] = "false",
        };
        if (contentFolder is not null)
        {
            settings["Content:Path"] = Path.GetFullPath(contentFolder);
        }

        return WebAppHost.StartAsync(location, dataFolder, settings, builder =>
        {
            builder.AddData();
            // Identity's options shape the model (its schema version), so the context matches the migrations.
            builder.AddAccounts();
            builder.AddCatalog();
            builder.AddReleases();
        }, cancellationToken);
    }
}
