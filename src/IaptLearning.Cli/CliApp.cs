namespace IaptLearning.Cli;

/// <summary>A command a person can run: <c>iapt &lt;name&gt; [arguments]</c>.</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for the list of commands.</summary>
    string Summary { get; }

    /// <summary>Full help, starting with the usage line.</summary>
    string Help { get; }

    int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error);
}

/// <summary>Dispatches the first argument to a command. Verbs are listed explicitly in Program.cs.</summary>
public sealed class CliApp(IReadOnlyList<ICliCommand> commands)
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageOrUnreadable = 2;

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            if (args.Count > 1 && Find(args[1]) is { } topic)
            {
                output.WriteLine(topic.Help);
                return Ok;
            }

            WriteUsage(args.Count == 0 ? error : output);
            return args.Count == 0 ? UsageOrUnreadable : Ok;
        }

        var command = Find(args[0]);
        if (command is null)
        {
            error.WriteLine($"iapt: unknown command '{args[0]}'.");
            WriteUsage(error);
            return UsageOrUnreadable;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Contains("-h") || rest.Contains("--help"))
        {
            output.WriteLine(command.Help);
            return Ok;
        }

        return command.Run(rest, output, error);
    }

    private ICliCommand? Find(string name) => commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    private void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("Usage: iapt <command> [arguments]   (from the repository: dotnet run --project src/IaptLearning.Cli -- <command>)");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        foreach (var command in commands)
        {
            writer.WriteLine($"  {command.Name,-12}{command.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("Run 'iapt <command> --help' for a command's options.");
        writer.WriteLine("First run on a new install: iapt user add --email <your email> --name \"<your name>\" --role admin");
    }
}
