namespace IaptLearning.Content.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// One problem in a content folder. <see cref="Path"/> is relative to the content root with
/// forward slashes ("long-covid/02-physical-impact.md", or "Long_Covid" for a folder); the line
/// counts from 1 and includes the front matter.
/// </summary>
public sealed record ContentDiagnostic(
    string Path,
    int? Line,
    int? Column,
    Severity Severity,
    string Code,
    string Message)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The MSBuild canonical form: <c>root/path(line,col): error CODE: message</c>.</summary>
    public string Format(string rootAsGiven)
    {
        ArgumentNullException.ThrowIfNull(rootAsGiven);
        var root = rootAsGiven.TrimEnd('/', '\\');
        var path = root.Length == 0 ? Path : Path == "." ? root : root + "/" + Path;
        var location = Line is null ? "" : Column is null ? $"({Line})" : $"({Line},{Column})";
        var severity = Severity == Severity.Error ? "error" : "warning";
        return $"{path}{location}: {severity} {Code}: {Message}";
    }
}
