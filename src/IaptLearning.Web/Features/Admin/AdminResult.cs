namespace IaptLearning.Web.Features.Admin;

/// <summary>The outcome of an admin change: done, or refused with a message for the error summary and the field it concerns.</summary>
public sealed record AdminResult(string? Error, string? Field = null, string? Id = null)
{
    public bool Succeeded => Error is null;

    public static AdminResult Ok(string? id = null) => new(null, null, id);

    public static AdminResult Fail(string field, string message) => new(message, field);
}
