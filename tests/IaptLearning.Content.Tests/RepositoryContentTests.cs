using IaptLearning.Content.Diagnostics;

namespace IaptLearning.Content.Tests;

/// <summary>The modules in the repository's content/ folder must be clean: no error and no warning but the known faults below.</summary>
public sealed class RepositoryContentTests
{
    private static readonly string RepositoryRoot = FindRoot();

    /// <summary>
    /// Content faults that format version 2's checks found in long-covid 1.x and that its 2.0.0
    /// rewrite (issue 10, open) is to fix: lessons longer than their stated durations (the text
    /// needs cutting or moving into audience lessons, not longer durations: the brief is a 20 to 30
    /// minute module), no clinical sign-off yet, and correct answers that are often the longest.
    /// Any other warning fails; so would one of these in a module other than long-covid.
    /// </summary>
    private static readonly string[] KnownLongCovidFaults =
        [DiagnosticCodes.DurationUnderEstimate, DiagnosticCodes.NotReviewed, DiagnosticCodes.LongestAnswerIsCorrect];

    [Fact]
    public void Content_Folder_ValidatesWithNoErrorAndNoUnknownWarning()
    {
        var catalog = new ContentLoader().Load(Path.Combine(RepositoryRoot, "content"));

        Assert.Empty(catalog.Diagnostics
            .Where(d => d.IsError || !d.Path.StartsWith("long-covid/", StringComparison.Ordinal) || !KnownLongCovidFaults.Contains(d.Code))
            .Select(d => d.Format("content")));
        Assert.NotEmpty(catalog.Modules);
    }

    [Fact]
    public void DocsExamples_ValidateWithNoErrorAndNoWarning()
    {
        var catalog = new ContentLoader().Load(Path.Combine(RepositoryRoot, "docs", "examples"));

        Assert.NotEmpty(catalog.Entries);
        Assert.Empty(catalog.Diagnostics.Select(d => d.Format("docs/examples")));
    }

    [Fact]
    public void LongCovid_MeetsTheModuleBrief()
    {
        var module = new ContentLoader().Load(Path.Combine(RepositoryRoot, "content")).FindModule("long-covid");

        Assert.NotNull(module);
        Assert.InRange(module.Lessons.Length, 6, 8);
        Assert.InRange(module.DurationMinutes, 20, 30);
        Assert.NotEmpty(module.Outcomes);
        Assert.All(module.Lessons, l => Assert.NotEmpty(l.Questions));
        Assert.All(module.Lessons, l => Assert.NotNull(l.MinTime));
        Assert.Contains(module.Lessons, l => l.Slug.Contains("reference", StringComparison.Ordinal));
        var assessment = module.Assessment;
        Assert.NotNull(assessment);
        Assert.Equal(10, assessment.QuestionsPerAttempt);
        Assert.True(assessment.Bank.Length >= 15);
        Assert.Equal(80, assessment.PassMark);
        Assert.All(module.Lessons.SelectMany(l => l.Questions).Concat(assessment.Bank), q => Assert.True(q.HasExplicitId, q.Id));
        Assert.Matches(@"^long-covid \d+\.\d+\.\d+: \d lessons, (2\d|30) min, ", ValidationReport.SummaryLine(module));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaptLearning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IaptLearning.sln not found above the test folder");
    }
}
