using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using IaptLearning.Cli.Commands;
using IaptLearning.Cli.Hosting;

namespace IaptLearning.Cli;

/// <summary>A command whose <c>--help</c> ends with more than the options: examples, exit codes, defaults.</summary>
internal sealed class CliCommand(string name, string description) : Command(name, description)
{
    /// <summary>Read only when help is shown, so building the commands loads nothing the text names (the web app's roles).</summary>
    public Func<string>? MoreHelp { get; init; }
}

/// <summary>
/// <c>iapt</c>: the commands, listed explicitly, parsed by System.CommandLine. Building them and
/// running <c>validate</c> touches only the content library; the web app (and ASP.NET Core) is
/// loaded only inside the handlers of <c>user</c> and <c>demo-data</c>.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageOrUnreadable = 2;

    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="location">Where <c>user</c> and <c>demo-data</c> find the web app; by default, found from the current folder when they run.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, WebAppLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = Build(location);
        // A token starting with @ is a value (an address), never a response file to read.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        // The parser lets an option take the next option as its value ('--name --data x' names the person
        // '--data'); no value of ours starts with '--', so that is always a missing value.
        var swallowed = parsed.CommandResult.Children.OfType<OptionResult>()
            .SelectMany(o => o.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)).Select(t => $"{o.Option.Name} needs a value before '{t.Value}'."))
            .ToList();
        if (parsed.Action is ParseErrorAction || swallowed.Count > 0)
        {
            var path = CommandPath(parsed.CommandResult.Command);
            foreach (var problem in swallowed.Count > 0 ? swallowed : parsed.Errors.Select(e => e.Message))
            {
                error.WriteLine($"{path}: {problem}");
            }

            error.WriteLine($"Run '{path} --help' for its usage.");
            return UsageOrUnreadable;
        }

        return parsed.Invoke(invocation);
    }

    private static Command Build(WebAppLocation? location)
    {
        // Not RootCommand, which names itself after the running executable ('testhost' under the tests, 'iapt.dll' under dotnet exec).
        var root = new Command("iapt", "Checks content and manages accounts of the IAPT learning site. From the repository: dotnet run --project src/IaptLearning.Cli -- <command>.")
        {
            new HelpOption(),
            new VersionOption(),
            ValidateCommand.Create(),
            UserCommand.Create(location),
            DemoDataCommand.Create(location),
            ContentCommand.Create(location),
        };
        var topic = new Argument<string[]>("command") { Description = "The command to explain.", Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "Show help for iapt or for one command: iapt help user add.") { topic };
        help.SetAction(parse => root.Parse([.. parse.GetValue(topic) ?? [], "--help"]).Invoke(parse.InvocationConfiguration));
        root.Add(help);
        // 'iapt' alone: the list of commands, on standard error as a usage mistake.
        root.SetAction(parse =>
        {
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = parse.InvocationConfiguration.Error });
            return UsageOrUnreadable;
        });

        var helpOption = root.Options.OfType<HelpOption>().Single();
        helpOption.Action = new MoreHelpAction((SynchronousCommandLineAction)helpOption.Action!);
        return root;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names);
    }

    private sealed class MoreHelpAction(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.CommandResult.Command is CliCommand { MoreHelp: { } more })
            {
                output.WriteLine(more());
                output.WriteLine();
            }
            else if (!parseResult.CommandResult.Command.Parents.Any())
            {
                output.WriteLine("First run on a new install: iapt user add --email <your email> --name \"<your name>\" --role admin");
                output.WriteLine();
            }

            return code;
        }
    }
}
