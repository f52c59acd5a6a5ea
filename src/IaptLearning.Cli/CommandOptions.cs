namespace IaptLearning.Cli;

/// <summary>
/// A command's <c>--name value</c> (or <c>--name=value</c>) options. Anything else is an error
/// with a message for the person typing: unknown options, missing values, stray words.
/// </summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private CommandOptions()
    {
    }

    // names: the options taking a value, without the dashes; repeatable: those that may be given more than once.
    public static CommandOptions? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> names, IReadOnlyCollection<string> repeatable, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(repeatable);
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                error = $"unexpected '{arg}'; options are {string.Join(", ", names.Select(n => "--" + n))}.";
                return null;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            if (!names.Contains(name))
            {
                error = $"unknown option '--{name}'; options are {string.Join(", ", names.Select(n => "--" + n))}.";
                return null;
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                error = $"--{name} needs a value.";
                return null;
            }

            if (!options._values.TryGetValue(name, out var list))
            {
                options._values[name] = list = [];
            }
            else if (!repeatable.Contains(name))
            {
                error = $"give --{name} once.";
                return null;
            }

            list.Add(value);
        }

        error = null;
        return options;
    }

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[0] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];
}
