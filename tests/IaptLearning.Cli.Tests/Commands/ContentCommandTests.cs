using Microsoft.Data.Sqlite;

namespace IaptLearning.Cli.Tests.Commands;

public sealed class ContentCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "iapt-cli-content-data-" + Guid.NewGuid().ToString("N"));
    private readonly string _content = Path.Combine(Path.GetTempPath(), "iapt-cli-content-" + Guid.NewGuid().ToString("N"));

    public ContentCommandTests()
    {
        foreach (var file in Directory.EnumerateFiles(WebAppFixture.SampleContentPath, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_content, Path.GetRelativePath(WebAppFixture.SampleContentPath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string ModuleFile(string name) => Path.Combine(_content, "sample-module", name);

    [Fact]
    public void Publish_ThenReleases_ListsWhatLearnersGet_AndRefusesWhatBreaksTheVersionRules()
    {
        var (code, output, error) = Run("content", "publish", "sample-module", "--data", _data, "--content", _content);
        Assert.True(code == CliApp.Ok, error);
        Assert.Contains("Sample module version 1.0.0", output, StringComparison.Ordinal);
        Assert.Contains("replacing no release", output, StringComparison.Ordinal);
        Assert.Contains("Module: First release: 2 lessons", output, StringComparison.Ordinal);
        Assert.Contains("Version 1.0.0 of Sample module is published.", output, StringComparison.Ordinal);

        (code, _, error) = Run("content", "publish", "sample-module", "--data", _data, "--content", _content);
        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("refused: Nothing to publish: learners already get exactly these files (version 1.0.0).", error, StringComparison.Ordinal);

        TestFiles.Edit(ModuleFile("01-first-steps.md"), "Read on.", "Read on, edited.");
        (code, _, error) = Run("content", "publish", "sample-module", "--data", _data, "--content", _content);
        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("Version 1.0.0 was already released on", error, StringComparison.Ordinal);
        Assert.Contains("Change version in module.md to 1.0.1 (a correction)", error, StringComparison.Ordinal);

        TestFiles.Edit(ModuleFile("module.md"), "version: 1.0.0", "version: 1.0.1\ncolour: blue");
        (code, output, error) = Run("content", "publish", "sample-module", "--data", _data, "--content", _content);
        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("warning IAPT", error, StringComparison.Ordinal);
        Assert.Contains("run again with --accept-warnings", error, StringComparison.Ordinal);
        Assert.Contains("1. First steps: the text has changed.", output, StringComparison.Ordinal);

        (code, output, error) = Run("content", "publish", "sample-module", "--data", _data, "--content", _content, "--accept-warnings");
        Assert.True(code == CliApp.Ok, error);
        Assert.Contains("Version 1.0.1 of Sample module is published.", output, StringComparison.Ordinal);

        (code, output, error) = Run("content", "releases", "sample-module", "--data", _data);
        Assert.True(code == CliApp.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("1.0.1", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("learners get this", lines[2].TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("system (command line)", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("1.0.0", lines[3], StringComparison.Ordinal);
        Assert.EndsWith("earlier release", lines[3].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_NoSuchModule_IsRefused()
    {
        var (code, _, error) = Run("content", "publish", "no-such-module", "--data", _data, "--content", _content);
        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("There is no module folder 'no-such-module'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Releases_ModuleNeverPublished_SaysSo()
    {
        var (code, output, error) = Run("content", "releases", "sample-module", "--data", _data);
        Assert.True(code == CliApp.Ok, error);
        Assert.Contains("sample-module has no releases.", output, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => CliRun.RunIn("Production", args);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { _data, _content })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
