namespace IaptLearning.Web.Features.Admin;

/// <summary>A page's errors by field, from an <see cref="AdminResult"/>: shown in the summary and beside the field.</summary>
public sealed class AdminForm
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public IEnumerable<string> All => _errors.Values;

    /// <summary>The errors about a field the page shows, linked to its input (<paramref name="inputId"/> gives its id).</summary>
    public IEnumerable<Components.Shared.FieldError> Linked(Func<string, string?> inputId)
    {
        ArgumentNullException.ThrowIfNull(inputId);
        return _errors.Select(e => (Id: inputId(e.Key), e.Value)).Where(e => e.Id is not null).Select(e => new Components.Shared.FieldError(e.Id!, e.Value));
    }

    /// <summary>The errors with no input on the page (a person who has gone, a delete refused).</summary>
    public IEnumerable<string> Unlinked(Func<string, string?> inputId)
    {
        ArgumentNullException.ThrowIfNull(inputId);
        return _errors.Where(e => inputId(e.Key) is null).Select(e => e.Value);
    }

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
