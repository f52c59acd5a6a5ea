namespace IaptLearning.Content;

/// <summary>Reads a content folder (see docs/authoring.md) into a <see cref="ContentCatalog"/>.</summary>
public sealed partial class ContentLoader
{
}
