using System.Collections.Immutable;

namespace IaptLearning.Content.Diagnostics;

/// <summary>Collects the problems found in one file (path relative to the content root).</summary>
internal sealed class DiagnosticBag(string path)
{
    private readonly List<ContentDiagnostic> _items = [];

    public string Path { get; } = path;

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Error(string code, int? line, int? column, string message) =>
        _items.Add(new ContentDiagnostic(Path, line, column, Severity.Error, code, message));

    public void Warning(string code, int? line, int? column, string message) =>
        _items.Add(new ContentDiagnostic(Path, line, column, Severity.Warning, code, message));

    public ImmutableArray<ContentDiagnostic> ToImmutable() => [.. _items];
}
