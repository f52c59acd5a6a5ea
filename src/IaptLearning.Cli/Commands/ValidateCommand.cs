using System.Text.Encodings.Web;
using System.Text.Json;
using IaptLearning.Content;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Model;

namespace IaptLearning.Cli.Commands;

/// <summary>Checks a content folder and prints each problem in the MSBuild canonical form.</summary>
public sealed class ValidateCommand : ICliCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "validate";

    public string Summary => "check a content folder and print every problem with its file and line";

    public string Help => """
        Usage: iapt validate [folder] [--json] [--strict]

        Checks every module in the content folder (default: content) and prints one line per
        problem, 'path(line,column): error CODE: message', then one summary line per module that
        can be served.

          --json     print the result as JSON instead
          --strict   treat warnings as errors (exit code 1 if there is any warning)

        Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 the folder cannot be read.
        """;

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? folder = null;
        var json = false;
        var strict = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--json":
                    json = true;
                    break;
                case "--strict":
                    strict = true;
                    break;
                case not null when arg.StartsWith('-') && arg.Length > 1:
                    error.WriteLine($"iapt validate: unknown option '{arg}'. Run 'iapt validate --help'.");
                    return CliApp.UsageOrUnreadable;
                default:
                    if (folder is not null)
                    {
                        error.WriteLine("iapt validate: give one content folder only.");
                        return CliApp.UsageOrUnreadable;
                    }

                    folder = arg;
                    break;
            }
        }

        folder ??= "content";
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

        var failed = catalog.ErrorCount > 0 || (strict && catalog.WarningCount > 0);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(ToJson(folder, catalog), JsonOptions));
        }
        else
        {
            WriteText(folder, catalog, output);
        }

        return failed ? CliApp.Failed : CliApp.Ok;
    }

    private static void WriteText(string folder, ContentCatalog catalog, TextWriter output)
    {
        foreach (var diagnostic in catalog.Diagnostics)
        {
            output.WriteLine(diagnostic.Format(folder));
        }

        foreach (var module in catalog.Modules)
        {
            output.WriteLine(SummaryLine(module));
        }

        var ready = catalog.Modules.Count();
        var broken = catalog.Entries.Length - ready;
        output.WriteLine(
            $"{Count(catalog.Entries.Length, "module")} checked: {ready} ready, {broken} with errors (not served); " +
            $"{Count(catalog.ErrorCount, "error")}, {Count(catalog.WarningCount, "warning")}");
    }

    /// <summary><c>long-covid 1.0.0: 7 lessons, 26 min, 12 knowledge checks, assessment 10 of 14 questions</c></summary>
    public static string SummaryLine(ContentModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var assessment = module.Assessment is { } a
            ? $"assessment {a.QuestionsPerAttempt} of {Count(a.Bank.Length, "question")}"
            : "no assessment";
        var draft = module.Status == ModuleStatus.Draft ? " (draft)" : "";
        return $"{module.Slug} {module.Version}: {Count(module.Lessons.Length, "lesson")}, {module.DurationMinutes} min, " +
            $"{Count(module.KnowledgeCheckCount, "knowledge check")}, {assessment}{draft}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static object ToJson(string folder, ContentCatalog catalog) => new
    {
        folder,
        errorCount = catalog.ErrorCount,
        warningCount = catalog.WarningCount,
        modules = catalog.Entries.Select(e => new
        {
            slug = e.Slug,
            served = e.Module is not null,
            errorCount = e.Diagnostics.Count(d => d.IsError),
            warningCount = e.Diagnostics.Count(d => !d.IsError),
            summary = e.Module is null ? null : SummaryLine(e.Module),
            version = e.Module?.Version,
            title = e.Module?.Title,
            status = e.Module?.Status.ToString().ToLowerInvariant(),
            lessons = e.Module?.Lessons.Length,
            minutes = e.Module?.DurationMinutes,
            cpdMinutes = e.Module?.CpdMinutes,
            knowledgeChecks = e.Module?.KnowledgeCheckCount,
            assessment = e.Module?.Assessment is { } a
                ? new { questions = a.QuestionsPerAttempt, bank = a.Bank.Length, passMark = a.PassMark, maxAttempts = a.MaxAttempts }
                : null,
            contentHash = e.Module?.ContentHash,
        }),
        diagnostics = catalog.Diagnostics.Select(d => new
        {
            path = d.Path,
            location = d.Format(folder).Split(": ", 2)[0],
            line = d.Line,
            column = d.Column,
            severity = d.Severity == Severity.Error ? "error" : "warning",
            code = d.Code,
            message = d.Message,
            text = d.Format(folder),
        }),
    };
}
