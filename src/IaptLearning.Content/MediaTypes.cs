using System.Collections.Frozen;

namespace IaptLearning.Content;

/// <summary>
/// The media the site serves from a module's <c>media/</c> folder, by extension: pictures, sound,
/// video, captions, PDFs and handouts (text, CSV, office documents). Anything else (HTML, scripts,
/// fonts, archives) could carry script or is of no use to a learner, so it is never served; the
/// validator says so (IAPT041). SVG and PDF can hold script and handouts are for saving, so those
/// are served as sandboxed downloads (<see cref="IsActive"/>).
/// </summary>
public static class MediaTypes
{
    private static readonly FrozenDictionary<string, string> Served = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".svg"] = "image/svg+xml",
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".ogg"] = "audio/ogg",
        [".oga"] = "audio/ogg",
        [".wav"] = "audio/wav",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".vtt"] = "text/vtt",
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Opened by the browser (SVG, PDF) these can run script, so they are sandboxed; handouts
    // (text, CSV, office documents) are only ever downloaded, never shown in the site's origin.
    private static readonly FrozenSet<string> Active = new[] { ".svg", ".pdf", ".txt", ".csv", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The extensions served, for messages: ".avif, .gif, …".</summary>
    public static string ServedList { get; } = string.Join(", ", Served.Keys.Order(StringComparer.Ordinal));

    /// <summary>The content type the file is served as, or null when it is not served at all.</summary>
    public static string? ContentType(string fileName) =>
        Served.TryGetValue(Path.GetExtension(fileName ?? ""), out var type) ? type : null;

    /// <summary>Types served sandboxed and as attachments: SVG and PDF (which can run script when opened) and handouts.</summary>
    public static bool IsActive(string fileName) => Active.Contains(Path.GetExtension(fileName ?? ""));
}
