namespace IaptLearning.Web.Components.Shared;

/// <summary>A problem with one field: <see cref="Field"/> is the field's element id, which the error summary links to.</summary>
public sealed record FieldError(string Field, string Message);
