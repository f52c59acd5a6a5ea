using IaptLearning.Content.Diagnostics;

namespace IaptLearning.Content.Tests.Loading;

/// <summary>Issue 21: media that could carry script is named by the validator, in the folder and where a lesson uses it.</summary>
public sealed class MediaTypesTests
{
    [Theory]
    [InlineData("breathing/media/page.html")]
    [InlineData("breathing/media/script.js")]
    [InlineData("breathing/media/notes.htm")]
    [InlineData("breathing/media/README")]
    public void Load_MediaFileOfATypeNotServed_WarnedWithTheFileAndTheTypesServed(string file)
    {
        using var content = new TempContent().WithValidModule();
        content.Write(file, "<script>alert(document.cookie)</script>");

        var catalog = content.Load();

        var diagnostic = Assert.Single(catalog.Diagnostics);
        Assert.Equal((DiagnosticCodes.MediaTypeNotServed, Severity.Warning, file), (diagnostic.Code, diagnostic.Severity, diagnostic.Path));
        Assert.Contains("will not be shown to learners", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(".png", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MarkdownOrHandoutInMedia_NoMediaTypeWarning()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/media/notes.md", "# Notes");
        content.Write("breathing/media/handout.txt", "A handout.");

        Assert.DoesNotContain(content.Load().Diagnostics, d => d.Code == DiagnosticCodes.MediaTypeNotServed);
    }

    [Fact]
    public void Load_LessonLinksToAnHtmlMediaFile_ErrorAtTheLinksLine()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/media/page.html", "<script>alert(1)</script>");
        content.Write("breathing/01-first.md", TempContent.ValidLesson.Replace("Some text about breathing.", "Some text about [breathing](media/page.html).", StringComparison.Ordinal));

        var catalog = content.Load();

        var error = Assert.Single(catalog.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.MediaTypeNotServed, "breathing/01-first.md"), (error.Code, error.Path));
        Assert.Equal(8, error.Line);
    }

    [Theory]
    [InlineData("picture.PNG", "image/png", false)]
    [InlineData("clip.mp4", "video/mp4", false)]
    [InlineData("captions.vtt", "text/vtt", false)]
    [InlineData("diagram.svg", "image/svg+xml", true)]
    [InlineData("leaflet.pdf", "application/pdf", true)]
    [InlineData("handout.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true)]
    [InlineData("notes.txt", "text/plain", true)]
    public void Served_Types_HaveTheirContentType_AndActiveOnesAreMarked(string file, string type, bool active)
    {
        Assert.Equal(type, MediaTypes.ContentType(file));
        Assert.Equal(active, MediaTypes.IsActive(file));
    }

    [Theory]
    [InlineData("page.html")]
    [InlineData("page.xhtml")]
    [InlineData("app.js")]
    [InlineData("style.css")]
    [InlineData("font.woff2")]
    [InlineData("archive.zip")]
    [InlineData("noextension")]
    public void NotServed_ScriptableOrNonMediaTypes(string file) => Assert.Null(MediaTypes.ContentType(file));
}
