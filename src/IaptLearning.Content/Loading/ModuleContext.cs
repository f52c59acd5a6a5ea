namespace IaptLearning.Content.Loading;

/// <summary>What a file needs to know about the rest of its module to check and rewrite its links.</summary>
internal sealed class ModuleContext
{
    public ModuleContext(string slug, IReadOnlyCollection<string> files, IReadOnlyDictionary<string, string> lessonSlugByFile)
    {
        Slug = slug;
        Files = files.ToHashSet(StringComparer.Ordinal);
        LessonSlugByFile = lessonSlugByFile;
        Key = slug + "\n" + string.Join('\n', files.Order(StringComparer.Ordinal)) + "\n\n"
            + string.Join('\n', lessonSlugByFile.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
    }

    public string Slug { get; }

    /// <summary>Every file in the module, relative to its folder with forward slashes.</summary>
    public HashSet<string> Files { get; }

    public IReadOnlyDictionary<string, string> LessonSlugByFile { get; }

    /// <summary>Equal for two contexts in which every file would be checked the same way.</summary>
    public string Key { get; }
}
