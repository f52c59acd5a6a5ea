using static IaptLearning.Cli.Tests.CliRun;

namespace IaptLearning.Cli.Tests;

public sealed class CliAppTests
{
    /// <summary>Every command path, found by reading the help itself from the top, so a new command is covered without a list here.</summary>
    private static List<string[]> AllCommands()
    {
        var found = new List<string[]>();
        var queue = new Queue<string[]>([[]]);
        while (queue.TryDequeue(out var path))
        {
            var (exit, output, _) = Run([.. path, "--help"]);
            Assert.Equal(0, exit);
            foreach (var name in ListedCommands(output).Where(n => n != "help"))
            {
                string[] child = [.. path, name];
                found.Add(child);
                queue.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>The first word of each line under "Commands:" in a help text.</summary>
    private static IEnumerable<string> ListedCommands(string help) =>
        help.Split('\n').SkipWhile(l => l.TrimEnd() != "Commands:").Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ')[0]);

    [Fact]
    public void Help_ReachesEveryCommand()
    {
        var names = AllCommands().Select(p => string.Join(' ', p)).ToList();

        // A floor, not the list: the walk above is what the other tests use.
        Assert.Superset(new HashSet<string> { "validate", "user", "user add", "user link", "user list", "demo-data" }, names.ToHashSet());
    }

    [Fact]
    public void EveryCommand_HasHelp_WithItsUsageAndOptions()
    {
        foreach (var path in AllCommands())
        {
            var name = string.Join(' ', path);
            var (exit, output, error) = Run([.. path, "--help"]);

            Assert.True(exit == 0, $"iapt {name} --help exited {exit}: {error}");
            Assert.Empty(error);
            Assert.StartsWith("Description:\n  ", output, StringComparison.Ordinal);
            Assert.Contains($"Usage:\n  iapt {name} ", output, StringComparison.Ordinal);
            Assert.Contains("-?, -h, --help", output, StringComparison.Ordinal);
            // 'iapt help <command>' says the same.
            Assert.Equal(output, Run(["help", .. path]).Out);
        }
    }

    [Fact]
    public void EveryCommand_RefusesAnUnknownOption_NamingItAndPointingToHelp()
    {
        foreach (var path in AllCommands())
        {
            var name = string.Join(' ', path);
            var (exit, output, error) = Run([.. path, "--no-such-option"]);

            Assert.True(exit == 2, $"iapt {name} --no-such-option exited {exit}");
            Assert.Empty(output);
            Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
            Assert.EndsWith($"Run 'iapt {name} --help' for its usage.\n", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoCommand_ListsTheCommandsOnStandardError_AndExitsTwo()
    {
        var (exit, output, error) = Run();

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal(["validate", "user", "demo-data", "content", "help"], ListedCommands(error));
    }

    [Fact]
    public void UnknownCommand_ExitsTwo()
    {
        var (exit, output, error) = Run("frobnicate");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'iapt --help' for its usage.\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoFolders_ExitsTwo()
    {
        var (exit, _, error) = Run("validate", "a", "b");

        Assert.Equal(2, exit);
        Assert.Contains("'b'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AtSign_IsAValue_NotAResponseFileToRead()
    {
        // A response file would read the named file as arguments; here '@missing' is only a folder name.
        var (exit, _, error) = Run("validate", "@missing");

        Assert.Equal(2, exit);
        Assert.Contains("content folder '@missing' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOptionFollowedByAnother_IsAMissingValue_NotTheOthersName()
    {
        AssertUsageError(
            Run("user", "add", "--email", "pat.lee@example.nhs.uk", "--name", "--data", "/tmp/unused"),
            "iapt user add: --name needs a value before '--data'.",
            "Run 'iapt user add --help' for its usage.");
    }
}
