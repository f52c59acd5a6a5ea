namespace IaptLearning.Content;

/// <summary>The content folder itself cannot be read (missing, not a folder, no permission).</summary>
public sealed class ContentFolderException : Exception
{
    public ContentFolderException()
    {
    }

    public ContentFolderException(string message)
        : base(message)
    {
    }

    public ContentFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
