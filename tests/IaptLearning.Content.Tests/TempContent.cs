using System.Text;

namespace IaptLearning.Content.Tests;

/// <summary>A content folder in a temporary directory, deleted after the test.</summary>
public sealed class TempContent : IDisposable
{
    public const string ValidModule = """
        ---
        title: Breathing well
        summary: A short module used by the tests.
        version: 1.2.3
        reviewed: { by: "A. Reviewer, clinical psychologist", on: 2026-01-05 }
        outcomes:
          - Describe breathing pattern disorder
        ---
        # Breathing well

        An overview with a link to [the first lesson](01-first.md).
        """;

    public const string ValidLesson = """
        ---
        title: First lesson
        duration: 4m
        min_time: 2m
        ---
        ## Breathing

        Some text about breathing.

        ::: question first-check
        Is this a question?

        - [x] Yes
        - [ ] No, not really
          > It is.

        > Questions are containers.
        :::
        """;

    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "iapt-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes a valid module called <paramref name="slug"/> with one lesson and an image.</summary>
    public TempContent WithValidModule(string slug = "breathing")
    {
        Write($"{slug}/module.md", ValidModule);
        Write($"{slug}/01-first.md", ValidLesson);
        WriteBytes($"{slug}/media/picture.png", [0x89, 0x50, 0x4E, 0x47]);
        return this;
    }

    public string Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public ContentCatalog Load() => new ContentLoader().Load(Root);

    /// <summary>Every diagnostic, formatted as the validator prints them with the folder given as "content".</summary>
    public static List<string> Lines(ContentCatalog catalog) => catalog.Diagnostics.Select(d => d.Format("content")).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
