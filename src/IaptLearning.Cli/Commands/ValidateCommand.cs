using System.CommandLine;
using IaptLearning.Content;
using IaptLearning.Content.Diagnostics;

namespace IaptLearning.Cli.Commands;

/// <summary><c>iapt validate</c>: checks a content folder with the content library alone.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        // The parser takes an unknown option for the folder; say what it is instead of "folder '--jsn' does not exist".
        folder.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: ['-', ..] unknown }])
            {
                result.AddError($"unknown option '{unknown}'; the options are --json, --strict, --report and --help.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead." };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors (exit code 1 if there is any warning)." };
        var report = new Option<bool>("--report") { Description = "Also print, per lesson, its words, the time estimate, the declared duration, the Flesch reading ease and the five longest sentences." };
        var command = new CliCommand("validate", "Check a content folder and print every problem with its file and line.")
        {
            MoreHelp = () => """
                Prints one line per problem, 'path(line,column): error CODE: message', then one summary
                line per module that can be served. With --report, a table per module follows: each
                lesson's words, the estimate (200 words a minute plus 45 seconds per knowledge check),
                its declared duration and its Flesch reading ease, then its five longest sentences.

                Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 the folder cannot be read.
                """,
        };
        command.Add(folder);
        command.Add(json);
        command.Add(strict);
        command.Add(report);
        command.SetAction(parse => Run(parse.GetRequiredValue(folder), parse.GetValue(json), parse.GetValue(strict), parse.GetValue(report),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string folder, bool json, bool strict, bool report, TextWriter output, TextWriter error)
    {
        ContentCatalog catalog;
        try
        {
            catalog = new ContentLoader().Load(folder);
        }
        catch (ContentFolderException ex)
        {
            error.WriteLine($"{folder}: error: {ex.Message}");
            return CliApp.UsageOrUnreadable;
        }

        if (json)
        {
            output.WriteLine(ValidationReport.Json(folder, catalog));
        }
        else
        {
            ValidationReport.WriteText(folder, catalog, output);
            if (report)
            {
                ValidationReport.WriteReadingReport(catalog, output);
            }
        }

        return catalog.ErrorCount > 0 || (strict && catalog.WarningCount > 0) ? CliApp.Failed : CliApp.Ok;
    }
}
