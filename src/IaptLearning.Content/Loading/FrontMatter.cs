using System.Globalization;
using System.Text.RegularExpressions;
using IaptLearning.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IaptLearning.Content.Loading;

/// <summary>
/// The YAML between the two <c>---</c> lines at the top of a file, read into keys with their
/// line numbers so every problem can point at the line an author must edit.
/// </summary>
internal sealed partial class FrontMatter
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _bag;

    private FrontMatter(DiagnosticBag bag) => _bag = bag;

    /// <summary>False when there was no usable front matter (an error has been reported).</summary>
    public bool IsPresent { get; private set; }

    /// <summary>The file's text with the front matter lines blanked, so Markdown line numbers stay those of the file.</summary>
    public string Body { get; private set; } = "";

    /// <summary>The first line (1-based) after the closing <c>---</c>.</summary>
    public int BodyStartLine { get; private set; } = 1;

    private sealed record Entry(string Key, YamlNode Value, int KeyLine, int KeyColumn);

    public static FrontMatter Read(string text, DiagnosticBag bag)
    {
        var fm = new FrontMatter(bag);
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r', ' ', '\t') != "---")
        {
            bag.Error(DiagnosticCodes.MissingFrontMatter, 1, 1,
                "file must start with front matter: a line '---', the settings (such as 'title: ...'), then another '---'");
            fm.Body = text;
            return fm;
        }

        var close = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimEnd('\r', ' ', '\t');
            if (trimmed is "---" or "...")
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            bag.Error(DiagnosticCodes.MissingFrontMatter, 1, 1,
                "front matter is never closed: add a line '---' after the last setting");
            fm.Body = "";
            return fm;
        }

        fm.IsPresent = true;
        fm.BodyStartLine = close + 2;
        var yaml = string.Join('\n', lines[1..close]);
        var blanked = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            blanked[i] = i <= close ? "" : lines[i];
        }

        fm.Body = string.Join('\n', blanked);
        fm.Parse(yaml);
        return fm;
    }

    private void Parse(string yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var line = FileLine(ex.Start.Line);
            var detail = ex.InnerException?.Message ?? ex.Message;
            _bag.Error(DiagnosticCodes.InvalidYaml, line, (int)Math.Max(1, ex.Start.Column),
                $"front matter is not valid YAML ({Clean(detail)}); write each setting as 'key: value' on its own line");
            IsPresent = false;
            return;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            _bag.Error(DiagnosticCodes.InvalidYaml, 2, 1, $"front matter is not valid YAML ({Clean(ex.Message)})");
            IsPresent = false;
            return;
        }

        if (stream.Documents.Count == 0)
        {
            return;
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            var node = stream.Documents[0].RootNode;
            _bag.Error(DiagnosticCodes.InvalidYaml, FileLine(node.Start.Line), 1,
                "front matter must be a list of settings, one 'key: value' per line");
            IsPresent = false;
            return;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                _bag.Error(DiagnosticCodes.InvalidYaml, FileLine(keyNode.Start.Line), (int)keyNode.Start.Column,
                    "a setting's name must be a plain word such as 'title'");
                continue;
            }

            _entries[key] = new Entry(key, value, FileLine(keyNode.Start.Line), (int)keyNode.Start.Column);
        }
    }

    // The YAML starts on the file's second line; YamlDotNet counts lines from 1.
    private static int FileLine(long yamlLine) => (int)Math.Max(1, yamlLine) + 1;

    private static string Clean(string message)
    {
        var m = ParenthesisedLocation().Replace(message, "").Trim();
        return m.Length > 160 ? m[..160] + "…" : m;
    }

    /// <summary>Warns about keys not in <paramref name="known"/>, naming the nearest known key.</summary>
    public void CheckKeys(IReadOnlyList<string> known, string fileKind)
    {
        foreach (var entry in _entries.Values.OrderBy(e => e.KeyLine))
        {
            if (known.Contains(entry.Key))
            {
                continue;
            }

            var nearest = Suggestions.Nearest(entry.Key, known);
            var message = nearest is not null
                ? $"unknown key '{entry.Key}'; did you mean '{nearest}'?"
                : $"unknown key '{entry.Key}' is ignored; {fileKind} understands: {string.Join(", ", known)}";
            _bag.Warning(DiagnosticCodes.UnknownKey, entry.KeyLine, entry.KeyColumn, message);
        }
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public int? LineOf(string key) => _entries.TryGetValue(key, out var e) ? e.KeyLine : null;

    public string? Text(string key, bool required, int maxLength = 2000)
    {
        if (!TryScalar(key, required, "text", out var entry, out var scalar))
        {
            return null;
        }

        var value = scalar.Value!.Trim();
        if (value.Length > maxLength)
        {
            Invalid(entry, $"'{key}' is {value.Length} characters long; keep it to {maxLength} or fewer");
            return null;
        }

        return value;
    }

    public int? WholeNumber(string key, bool required, int min, int max, string unit)
    {
        if (!TryScalar(key, required, "a whole number", out var entry, out var scalar))
        {
            return null;
        }

        var raw = scalar.Value!.Trim();
        if (scalar.Style is ScalarStyle.Plain
            && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            if (n < min || n > max)
            {
                Invalid(entry, $"'{key}' is {n}; it must be from {min} to {max} {unit}");
                return null;
            }

            return n;
        }

        Invalid(entry, $"'{key}' must be a whole number of {unit} from {min} to {max}, written without quotes, a sign or a decimal point (found '{DiagnosticText.Shorten(raw)}')");
        return null;
    }

    public bool? Boolean(string key)
    {
        if (!TryScalar(key, required: false, "true or false", out var entry, out var scalar))
        {
            return null;
        }

        var raw = scalar.Value!.Trim();
        if (scalar.Style is ScalarStyle.Plain)
        {
            if (raw is "true" or "True" or "TRUE")
            {
                return true;
            }

            if (raw is "false" or "False" or "FALSE")
            {
                return false;
            }
        }

        Invalid(entry, $"'{key}' must be true or false (found '{DiagnosticText.Shorten(raw)}')");
        return null;
    }

    public TimeSpan? Duration(string key, bool required)
    {
        if (!TryScalar(key, required, "a duration", out var entry, out var scalar))
        {
            return null;
        }

        var raw = scalar.Value!.Trim();
        if (!Durations.TryParse(raw, out var duration))
        {
            var hint = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var bare)
                ? $"; add a unit, for example '{bare}m' for {bare} minutes"
                : "";
            Invalid(entry, $"'{key}' is '{DiagnosticText.Shorten(raw)}', which is not a duration: write it like 90s, 4m, 1h, 1h30m or 2m30s{hint}");
            return null;
        }

        if (duration <= TimeSpan.Zero)
        {
            Invalid(entry, $"'{key}' must be longer than zero");
            return null;
        }

        return duration;
    }

    public string? Choice(string key, IReadOnlyList<string> choices)
    {
        if (!TryScalar(key, required: false, string.Join(" or ", choices), out var entry, out var scalar))
        {
            return null;
        }

        var raw = scalar.Value!.Trim();
        if (choices.Contains(raw))
        {
            return raw;
        }

        Invalid(entry, $"'{key}' must be {string.Join(" or ", choices.Select(c => $"'{c}'"))} (found '{DiagnosticText.Shorten(raw)}')");
        return null;
    }

    public string? Version(string key)
    {
        var text = Text(key, required: true, maxLength: 64);
        if (text is null)
        {
            return null;
        }

        if (!VersionPattern().IsMatch(text))
        {
            Invalid(_entries[key], $"'{key}' is '{DiagnosticText.Shorten(text)}'; write it as MAJOR.MINOR.PATCH, for example 1.0.0");
            return null;
        }

        return text;
    }

    public IReadOnlyList<string>? TextList(string key, int maxItemLength)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is YamlScalarNode { Value: null or "" or "~" })
        {
            Invalid(entry, $"'{key}' has no value; list the items below it ('  - item') or remove the key");
            return null;
        }

        if (entry.Value is not YamlSequenceNode seq)
        {
            Invalid(entry, $"'{key}' must be a list: put each item on its own line below it, starting '  - '");
            return null;
        }

        var items = new List<string>();
        foreach (var child in seq.Children)
        {
            if (child is not YamlScalarNode { Value: { } v } || string.IsNullOrWhiteSpace(v))
            {
                _bag.Error(DiagnosticCodes.InvalidValue, FileLine(child.Start.Line), (int)child.Start.Column,
                    $"each item of '{key}' must be a line of text");
                return null;
            }

            if (v.Trim().Length > maxItemLength)
            {
                _bag.Error(DiagnosticCodes.InvalidValue, FileLine(child.Start.Line), (int)child.Start.Column,
                    $"an item of '{key}' is {v.Trim().Length} characters long; keep each to {maxItemLength} or fewer");
                return null;
            }

            items.Add(v.Trim());
        }

        return items;
    }

    public void ReportInconsistent(string key, string message)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            _bag.Error(DiagnosticCodes.InconsistentValue, entry.KeyLine, entry.KeyColumn, message);
        }
    }

    private bool TryScalar(string key, bool required, string expected, out Entry entry, out YamlScalarNode scalar)
    {
        scalar = null!;
        if (!_entries.TryGetValue(key, out entry!))
        {
            if (required && IsPresent)
            {
                _bag.Error(DiagnosticCodes.MissingRequiredKey, 1, 1, $"missing required key '{key}'; add '{key}: ...' to the front matter");
            }

            return false;
        }

        if (entry.Value is YamlScalarNode { Value: { } v } s && !(s.Style == ScalarStyle.Plain && v is "" or "~" or "null"))
        {
            if (required && string.IsNullOrWhiteSpace(v))
            {
                Invalid(entry, $"'{key}' is empty; give it a value");
                return false;
            }

            scalar = s;
            return true;
        }

        if (entry.Value is YamlScalarNode)
        {
            Invalid(entry, required ? $"'{key}' has no value; give it a value" : $"'{key}' has no value; give it one or remove the line");
            return false;
        }

        Invalid(entry, $"'{key}' must be {expected}, not a {(entry.Value is YamlSequenceNode ? "list" : "nested group of settings")}");
        return false;
    }

    private void Invalid(Entry entry, string message) =>
        _bag.Error(DiagnosticCodes.InvalidValue, entry.KeyLine, entry.KeyColumn, message);


    [GeneratedRegex(@"^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesisedLocation();
}
