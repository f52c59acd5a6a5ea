namespace IaptLearning.Content;

/// <summary>
/// The one place that says which web address serves which piece of content. Links in lessons
/// are rewritten with these, and the web app's routes must match them.
/// </summary>
public static class ContentAddresses
{
    public const string ModulesRoot = "/modules";

    public static string Module(string moduleSlug) => $"{ModulesRoot}/{moduleSlug}";

    public static string Lesson(string moduleSlug, string lessonSlug) => $"{Module(moduleSlug)}/lessons/{lessonSlug}";

    public static string Assessment(string moduleSlug) => $"{Module(moduleSlug)}/assessment";

    /// <summary><paramref name="mediaPath"/> is relative to the module folder and starts with <c>media/</c>.</summary>
    public static string Media(string moduleSlug, string mediaPath)
    {
        ArgumentNullException.ThrowIfNull(mediaPath);
        var segments = mediaPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString);
        return $"{Module(moduleSlug)}/{string.Join('/', segments)}";
    }

    public static string WithFragment(string address, string? fragment) =>
        string.IsNullOrEmpty(fragment) ? address : $"{address}#{Uri.EscapeDataString(fragment)}";
}
