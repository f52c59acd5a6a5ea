namespace IaptLearning.Web.Components.Shared;

/// <summary>One step of a <see cref="Pager"/>: where it goes and what it is called.</summary>
public sealed record PagerLink(string Href, string Title);
