using System.Diagnostics;
using IaptLearning.Content.Tests;

namespace IaptLearning.Cli.Tests.Commands;

/// <summary>
/// <c>iapt validate</c> runs on the bare .NET runtime: the tool is started with a runtime
/// configuration that names only Microsoft.NETCore.App, so any ASP.NET Core (or web app) assembly it
/// touched would fail to load. The account commands, which do need the web app, fail that way: the
/// control that shows the check can fail.
/// </summary>
public sealed class ValidateWithoutAspNetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iapt-core-only-" + Guid.NewGuid().ToString("N"));

    public ValidateWithoutAspNetTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "core-only.runtimeconfig.json"), $$"""
            { "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version}}" } } }
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Out, string Err) RunOnCoreOnly(params string[] args)
    {
        var tool = typeof(CliApp).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        foreach (var arg in (string[])["exec", "--runtimeconfig", Path.Combine(_folder, "core-only.runtimeconfig.json"), tool, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "iapt did not finish within a minute");
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The host running these tests (dotnet test starts them with it), else the one on the path.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    [Fact]
    public void Validate_RunsWithoutAspNetCore()
    {
        using var content = new TempContent().WithValidModule();

        var (exit, output, error) = RunOnCoreOnly("validate", content.Root);

        Assert.True(exit == 0, error);
        Assert.Equal("1 module checked: 1 ready, 0 with errors (not served); 0 errors, 0 warnings", output.TrimEnd('\n').Split('\n')[^1]);
    }

    [Fact]
    public void Control_UserList_NeedsTheWebApp_SoFailsWithoutAspNetCore()
    {
        var (exit, _, error) = RunOnCoreOnly("user", "list", "--data", _folder);

        Assert.NotEqual(0, exit);
        Assert.Contains("Could not load file or assembly 'Microsoft.", error, StringComparison.Ordinal);
    }
}
