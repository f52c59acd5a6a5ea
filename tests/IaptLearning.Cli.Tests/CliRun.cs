using IaptLearning.Cli.Hosting;

namespace IaptLearning.Cli.Tests;

/// <summary>Runs <c>iapt</c> in-process and keeps what it wrote.</summary>
internal static class CliRun
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>iapt</c> as if the web app's environment were <paramref name="environment"/>.</summary>
    public static (int Code, string Output, string Error) RunIn(string environment, params string[] args)
    {
        var location = new WebAppLocation(WebAppLocation.Detect().ContentRoot, environment);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, location);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A usage mistake: exit code 2, nothing on standard output, and exactly these lines on standard error.</summary>
    public static void AssertUsageError((int Exit, string Out, string Err) result, params string[] lines)
    {
        Assert.Equal(2, result.Exit);
        Assert.Empty(result.Out);
        Assert.Equal(lines, result.Err.TrimEnd('\n').Split('\n'));
    }
}
