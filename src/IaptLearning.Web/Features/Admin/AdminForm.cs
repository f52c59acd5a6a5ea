namespace IaptLearning.Web.Features.Admin;

/// <summary>A page's errors by field, from an <see cref="AdminResult"/>: shown in the summary and beside the field.</summary>
public sealed class AdminForm
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public IEnumerable<string> All => _errors.Values;

    public string? For(string field) => _errors.GetValueOrDefault(field);

    public void Clear() => _errors.Clear();

    /// <summary>Records the result's error, if any; true when it succeeded.</summary>
    public bool Take(AdminResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _errors.Clear();
        if (result.Error is not null)
        {
            _errors[result.Field ?? ""] = result.Error;
        }

        return result.Succeeded;
    }
}
