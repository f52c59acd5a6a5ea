using System.Globalization;
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
            if (module.UsesAudiences)
            {
                output.WriteLine(AudienceLine(module));
            }
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

    /// <summary><c>  audiences: admin 21 min, step2 27 min, ...</c>: each audience's lessons to complete plus the assessment.</summary>
    public static string AudienceLine(ContentModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return "  audiences: " + string.Join(", ", Audiences.All.Select(a => $"{a} {module.MinutesFor(a)} min"));
    }

    /// <summary>
    /// <c>iapt validate --report</c>: per lesson, its prose words, the estimate, the declared
    /// duration and the Flesch reading ease, then its five longest sentences.
    /// </summary>
    public static void WriteReadingReport(ContentCatalog catalog, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var module in catalog.Modules)
        {
            output.WriteLine();
            output.WriteLine($"{module.Slug} {module.Version}: reading report");
            output.WriteLine($"  {"lesson",-36} {"words",6} {"estimate",9} {"duration",9} {"reading ease",12}");
            foreach (var lesson in module.Lessons)
            {
                if (lesson.Readability is not { } r)
                {
                    continue;
                }

                var flag = lesson.Duration.TotalSeconds < 0.8 * r.Estimate.TotalSeconds ? "  under 80% of estimate" : "";
                output.WriteLine($"  {Shorten(lesson.FileName, 36),-36} {r.Words,6} {FormatDuration(r.Estimate),9} {FormatDuration(lesson.Duration),9} {r.FleschReadingEase.ToString("0.0", CultureInfo.InvariantCulture),12}{flag}");
            }

            foreach (var lesson in module.Lessons.Where(l => l.Readability is not null))
            {
                output.WriteLine();
                output.WriteLine($"  {lesson.FileName}: longest sentences");
                foreach (var sentence in lesson.Readability!.LongestSentences)
                {
                    output.WriteLine($"    {sentence.Words,3} words: {sentence.Text}");
                }
            }
        }
    }

    private static string FormatDuration(TimeSpan duration) => Loading.Durations.Format(duration);

    private static string Shorten(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;

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
                audiences = e.Module is { UsesAudiences: true } m
                    ? Audiences.All.ToDictionary(a => a, a => m.MinutesFor(a))
                    : null,
                lessonReport = e.Module?.Lessons.Where(l => l.Readability is not null).Select(l => new
                {
                    file = l.FileName,
                    words = l.Readability!.Words,
                    estimateSeconds = (int)l.Readability.Estimate.TotalSeconds,
                    durationSeconds = (int)l.Duration.TotalSeconds,
                    fleschReadingEase = l.Readability.FleschReadingEase,
                    longestSentences = l.Readability.LongestSentences.Select(s => new { words = s.Words, text = s.Text }),
                }),
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
