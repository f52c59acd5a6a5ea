using System.Globalization;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IaptLearning.Content.Loading;

/// <summary>A value of the front matter with the file line and column it starts on.</summary>
internal sealed record Located<T>(T Value, int Line, int Column);

/// <summary>Version 2 settings: audience lists, dates, and groups of settings such as <c>reviewed: { by, on }</c>.</summary>
internal sealed partial class FrontMatter
{
    /// <summary>
    /// An audience list (<c>[step3]</c>, or one id alone): null when the key is absent or any
    /// item is bad (each problem has been reported on its line).
    /// </summary>
    public IReadOnlyList<string>? AudienceList(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        List<YamlScalarNode> items;
        switch (entry.Value)
        {
            case YamlScalarNode { Value: { } v } s when !string.IsNullOrWhiteSpace(v) && !(s.Style == ScalarStyle.Plain && v is "~" or "null"):
                items = [s];
                break;
            case YamlSequenceNode seq when seq.Children.Count > 0:
                items = [];
                foreach (var child in seq.Children)
                {
                    if (child is not YamlScalarNode { Value: { } cv } cs || string.IsNullOrWhiteSpace(cv))
                    {
                        _bag.Error(DiagnosticCodes.InvalidValue, FileLine(child.Start.Line), (int)child.Start.Column,
                            $"each item of '{key}' must be an audience id: {KnownAudiences}");
                        return null;
                    }

                    items.Add(cs);
                }

                break;
            case YamlScalarNode or YamlSequenceNode:
                Invalid(entry, $"'{key}' is empty; name who the lesson is for, for example '{key}: [step3]' (the audiences are {KnownAudiences}), or remove the line so it is for everyone");
                return null;
            default:
                Invalid(entry, $"'{key}' must be a list of audience ids such as [step3], not a group of settings");
                return null;
        }

        var ids = new List<string>();
        var ok = true;
        foreach (var item in items)
        {
            var id = item.Value!.Trim();
            if (!CheckAudience(id, FileLine(item.Start.Line), (int)item.Start.Column, _bag))
            {
                ok = false;
            }
            else if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ok ? ids : null;
    }

    public DiagnosticBag Bag => _bag;

    public void ReportAt(string code, int line, int column, string message) => _bag.Error(code, line, column, message);

    internal static string KnownAudiences => string.Join(", ", Audiences.All);

    /// <summary>Reports an id that is not one of the contract's audiences, naming them; true when it is known.</summary>
    internal static bool CheckAudience(string id, int line, int column, DiagnosticBag bag)
    {
        if (Audiences.IsKnown(id))
        {
            return true;
        }

        var lower = id.ToLowerInvariant();
        var hint = Audiences.IsKnown(lower)
            ? $"; ids are lower case: write '{lower}'"
            : Suggestions.Nearest(id, Audiences.All) is { } near ? $"; did you mean '{near}'?" : "";
        bag.Error(DiagnosticCodes.UnknownAudience, line, column,
            $"unknown audience '{DiagnosticText.Shorten(id)}'{hint} (the audiences are {KnownAudiences})");
        return false;
    }

    /// <summary>A date written <c>YYYY-MM-DD</c> that is a real calendar date.</summary>
    public Located<DateOnly>? Date(string key)
    {
        if (!TryScalar(key, required: false, "a date written YYYY-MM-DD", out var entry, out var scalar))
        {
            return null;
        }

        return ReadDate(key, scalar, entry.KeyLine, entry.KeyColumn);
    }

    private Located<DateOnly>? ReadDate(string key, YamlScalarNode scalar, int line, int column)
    {
        var raw = scalar.Value!.Trim();
        if (raw.Length == 10
            && DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new Located<DateOnly>(date, line, column);
        }

        _bag.Error(DiagnosticCodes.InvalidValue, line, column,
            $"'{key}' is '{DiagnosticText.Shorten(raw)}', which is not a real date written YYYY-MM-DD (for example 2026-12-01)");
        return null;
    }

    /// <summary>
    /// A group of settings (<c>key: { a: 1, b: 2 }</c> or indented lines below the key): its
    /// sub-keys with their lines, or null after reporting why it is not a group. Unknown
    /// sub-keys are warned about; <paramref name="required"/> sub-keys that are missing are errors.
    /// </summary>
    public Group? ReadGroup(string key, IReadOnlyList<string> known, IReadOnlyList<string> required)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is not YamlMappingNode map)
        {
            var example = string.Join(", ", required.Select(k => $"{k}: ..."));
            Invalid(entry, $"'{key}' must be a group of settings written like '{key}: {{ {example} }}'");
            return null;
        }

        return ReadGroup(key, map, entry.KeyLine, entry.KeyColumn, known, required);
    }

    private Group? ReadGroup(string name, YamlMappingNode map, int line, int column, IReadOnlyList<string> known, IReadOnlyList<string> required)
    {
        var group = new Group(this, name, line, column);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } sub })
            {
                _bag.Error(DiagnosticCodes.InvalidYaml, FileLine(keyNode.Start.Line), (int)keyNode.Start.Column,
                    $"a setting's name inside '{name}' must be a plain word");
                return null;
            }

            var subLine = FileLine(keyNode.Start.Line);
            var subColumn = (int)keyNode.Start.Column;
            if (!known.Contains(sub))
            {
                var nearest = Suggestions.Nearest(sub, known);
                _bag.Warning(DiagnosticCodes.UnknownKey, subLine, subColumn, nearest is not null
                    ? $"unknown key '{sub}' in '{name}'; did you mean '{nearest}'?"
                    : $"unknown key '{sub}' in '{name}' is ignored; '{name}' understands: {string.Join(", ", known)}");
                continue;
            }

            group.Values[sub] = (value, subLine, subColumn);
        }

        var complete = true;
        foreach (var sub in required.Where(r => !group.Values.ContainsKey(r)))
        {
            _bag.Error(DiagnosticCodes.MissingRequiredKey, line, column,
                $"'{name}' is missing '{sub}'; it needs {string.Join(", ", required.Select(r => $"'{r}'"))}");
            complete = false;
        }

        return complete ? group : null;
    }

    /// <summary>The items of a list of groups (<c>draw:</c> then <c>- { tag: safety, count: 2 }</c> lines).</summary>
    public IReadOnlyList<Group?>? ReadGroupList(string key, IReadOnlyList<string> known, IReadOnlyList<string> required, string example)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            Invalid(entry, $"'{key}' must be a list with one item per line below it, such as '  - {example}'");
            return null;
        }

        var items = new List<Group?>();
        foreach (var child in seq.Children)
        {
            var line = FileLine(child.Start.Line);
            var column = (int)child.Start.Column;
            if (child is not YamlMappingNode map)
            {
                _bag.Error(DiagnosticCodes.InvalidValue, line, column, $"each item of '{key}' must be written like '{example}'");
                items.Add(null);
                continue;
            }

            items.Add(ReadGroup(key, map, line, column, known, required));
        }

        return items;
    }

    /// <summary>The settings of one group, each with its own line for messages.</summary>
    internal sealed class Group(FrontMatter owner, string name, int line, int column)
    {
        public Dictionary<string, (YamlNode Node, int Line, int Column)> Values { get; } = new(StringComparer.Ordinal);

        public int Line { get; } = line;

        public int Column { get; } = column;

        public int LineOf(string sub) => Values.TryGetValue(sub, out var v) ? v.Line : Line;

        public string? Text(string sub, int maxLength)
        {
            if (Scalar(sub, "text") is not { } s)
            {
                return null;
            }

            var value = s.Node.Value!.Trim();
            if (value.Length > maxLength)
            {
                owner._bag.Error(DiagnosticCodes.InvalidValue, s.Line, s.Column,
                    $"'{name}.{sub}' is {value.Length} characters long; keep it to {maxLength} or fewer");
                return null;
            }

            return value;
        }

        public int? WholeNumber(string sub, int min)
        {
            if (Scalar(sub, "a whole number") is not { } s)
            {
                return null;
            }

            var raw = s.Node.Value!.Trim();
            if (s.Node.Style is ScalarStyle.Plain
                && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min)
            {
                return n;
            }

            owner._bag.Error(DiagnosticCodes.InvalidValue, s.Line, s.Column,
                $"'{name}.{sub}' must be a whole number, at least {min}, written without quotes, a sign or a decimal point (found '{DiagnosticText.Shorten(raw)}')");
            return null;
        }

        public Located<DateOnly>? Date(string sub) =>
            Scalar(sub, "a date written YYYY-MM-DD") is { } s ? owner.ReadDate($"{name}.{sub}", s.Node, s.Line, s.Column) : null;

        public string? Version(string sub)
        {
            if (Text(sub, 64) is not { } text)
            {
                return null;
            }

            if (VersionPattern().IsMatch(text))
            {
                return text;
            }

            owner._bag.Error(DiagnosticCodes.InvalidValue, LineOf(sub), Values[sub].Column,
                $"'{name}.{sub}' is '{DiagnosticText.Shorten(text)}'; write it as MAJOR.MINOR.PATCH, for example 2.0.0");
            return null;
        }

        private (YamlScalarNode Node, int Line, int Column)? Scalar(string sub, string expected)
        {
            if (!Values.TryGetValue(sub, out var v))
            {
                return null;
            }

            if (v.Node is YamlScalarNode { Value: { } value } s && !string.IsNullOrWhiteSpace(value)
                && !(s.Style == ScalarStyle.Plain && value is "~" or "null"))
            {
                return (s, v.Line, v.Column);
            }

            owner._bag.Error(DiagnosticCodes.InvalidValue, v.Line, v.Column, v.Node is YamlScalarNode
                ? $"'{name}.{sub}' has no value; give it {expected}"
                : $"'{name}.{sub}' must be {expected}, not a {(v.Node is YamlSequenceNode ? "list" : "group of settings")}");
            return null;
        }
    }
}
