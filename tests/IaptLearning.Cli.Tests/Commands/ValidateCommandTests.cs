using System.Text.Json;
using IaptLearning.Content.Tests;
using static IaptLearning.Cli.Tests.CliRun;

namespace IaptLearning.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Validate_ValidFolder_PrintsSummaryAndExitsZero()
    {
        using var content = new TempContent().WithValidModule();

        var (exit, output, _) = Run("validate", content.Root);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "breathing 1.2.3: 1 lesson, 4 min, 1 knowledge check, no assessment",
                "1 module checked: 1 ready, 0 with errors (not served); 0 errors, 0 warnings",
            ],
            output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Validate_Report_PrintsTheReadingTableAfterTheSummary()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-second.md", "---\ntitle: Two\nduration: 1m\n---\nShort words are easy. Long sentences with many clauses, asides and qualifications are much harder to follow.\n");

        var (exit, output, _) = Run("validate", content.Root, "--report");

        Assert.Equal(0, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("1 module checked: 1 ready, 0 with errors (not served); 0 errors, 0 warnings", lines[1]);
        Assert.Equal("breathing 1.2.3: reading report", lines[3]);
        Assert.Matches(@"^  lesson\s+words\s+estimate\s+duration\s+reading ease$", lines[4]);
        Assert.Matches(@"^  02-second\.md\s+17\s+5s\s+1m\s+-?\d+\.\d$", lines[6]);
        Assert.Contains("     13 words: Long sentences with many clauses, asides and qualifications are much harder to follow.", lines);
    }

    [Fact]
    public void Validate_ErrorsInOneModule_PrintsProblemsWithGivenPathAndExitsOne()
    {
        using var content = new TempContent().WithValidModule("good").WithValidModule("bad");
        content.Write("bad/01-first.md", "---\ntitle: First\nduration: soon\n---\n");
        var given = content.Root + "/";

        var (exit, output, _) = Run("validate", given);

        Assert.Equal(1, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal($"{content.Root}/bad/01-first.md(3,1): error IAPT008: 'duration' is 'soon', which is not a duration: write it like 90s, 4m, 1h, 1h30m or 2m30s", lines[0]);
        Assert.StartsWith("good 1.2.3: ", lines[1], StringComparison.Ordinal);
        Assert.Equal("2 modules checked: 1 ready, 1 with errors (not served); 1 error, 0 warnings", lines[2]);
    }

    [Fact]
    public void Validate_WarningsOnly_ExitsZeroUnlessStrict()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-second.md", "---\ntitle: Two\nduration: 1m\nmintime: 1m\n---\n");

        Assert.Equal(0, Run("validate", content.Root).Exit);
        var strict = Run("validate", content.Root, "--strict");
        Assert.Equal(1, strict.Exit);
        Assert.Contains("warning IAPT004: unknown key 'mintime'; did you mean 'min_time'?", strict.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFolder_ExitsTwo()
    {
        var (exit, output, error) = Run("validate", "/nonexistent/content");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal("/nonexistent/content: error: content folder '/nonexistent/content' does not exist", error.TrimEnd('\n'));
    }

    [Fact]
    public void Validate_UnknownOption_IsNamedNotTakenForTheFolder()
    {
        AssertUsageError(
            Run("validate", "--jsn"),
            "iapt validate: unknown option '--jsn'; the options are --json, --strict, --report and --help.",
            "Run 'iapt validate --help' for its usage.");
    }

    [Fact]
    public void Validate_Help_ExitsZeroWithExitCodes()
    {
        var (exit, output, _) = Run("validate", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("iapt validate [<folder>] [options]", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 the folder cannot be read.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Json_IsMachineReadable()
    {
        using var content = new TempContent().WithValidModule("good").WithValidModule("bad");
        content.Write("bad/01-first.md", "---\ntitle: First\n---\n");

        var (exit, output, _) = Run("validate", content.Root, "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("errorCount").GetInt32());
        var diagnostic = root.GetProperty("diagnostics")[0];
        Assert.Equal(("bad/01-first.md", 1, "error", "IAPT007"),
            (diagnostic.GetProperty("path").GetString(), diagnostic.GetProperty("line").GetInt32(),
             diagnostic.GetProperty("severity").GetString(), diagnostic.GetProperty("code").GetString()));
        var modules = root.GetProperty("modules").EnumerateArray().ToList();
        Assert.False(modules.Single(m => m.GetProperty("slug").GetString() == "bad").GetProperty("served").GetBoolean());
        var good = modules.Single(m => m.GetProperty("slug").GetString() == "good");
        Assert.True(good.GetProperty("served").GetBoolean());
        Assert.Equal(4, good.GetProperty("minutes").GetInt32());
    }
}
