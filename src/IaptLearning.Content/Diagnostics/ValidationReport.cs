using System.Text.Encodings.Web;
using System.Text.Json;
using IaptLearning.Content.Model;

namespace IaptLearning.Content.Diagnostics;

/// <summary>What <c>iapt validate</c> prints about a loaded folder: one line per problem and per module, or JSON for tools.</summary>
public static class ValidationReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Each problem in the MSBuild canonical form, then a summary line per servable module and a total.</summary>
    public static void WriteText(string folder, ContentCatalog catalog, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
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

    public static string Json(string folder, ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return JsonSerializer.Serialize(new
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
        }, JsonOptions);
    }
}
