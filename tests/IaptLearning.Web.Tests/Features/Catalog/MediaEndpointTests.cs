using System.Net;
using IaptLearning.Web.Tests.Features.Authoring;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IaptLearning.Web.Tests.Features.Catalog;

/// <summary>Issue 21: module media served from an allow-list, and SVG and PDF sandboxed as downloads.</summary>
[Collection(WebAppTests.Name)]
public sealed class MediaEndpointTests(WebAppFixture app) : IDisposable
{
    private readonly string _content = Path.Combine(Path.GetTempPath(), "iapt-media-content-" + Guid.NewGuid().ToString("N"));

    // A database of its own: the shared one already holds a release of the sample module without media.
    private readonly string _data = Path.Combine(Path.GetTempPath(), "iapt-media-data-" + Guid.NewGuid().ToString("N"));

    private WebApplicationFactory<Program> WithMedia()
    {
        LiveContentTests.CopyDirectory(WebAppFixture.SampleContentPath, _content);
        var media = Path.Combine(_content, "sample-module", "media");
        Directory.CreateDirectory(media);
        File.WriteAllBytes(Path.Combine(media, "picture.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        File.WriteAllText(Path.Combine(media, "diagram.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>");
        File.WriteAllText(Path.Combine(media, "page.html"), "<script>alert(document.cookie)</script>");
        File.WriteAllText(Path.Combine(media, "app.js"), "alert(document.cookie)");
        File.WriteAllText(Path.Combine(media, "captions.vtt"), "WEBVTT\n");
        return app.WithWebHostBuilder(b => b.UseSetting("Content:Path", _content).UseSetting("Storage:DataPath", _data));
    }

    [Fact]
    public async Task Media_AllowListedServed_ScriptableRefused_ActiveSandboxedAsDownloads()
    {
        await using var served = WithMedia();
        using var client = served.CreateClient();

        using var png = await client.GetAsync("/modules/sample-module/media/picture.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", png.Headers.GetValues("X-Content-Type-Options")));

        using var vtt = await client.GetAsync("/modules/sample-module/media/captions.vtt");
        Assert.Equal("text/vtt", vtt.Content.Headers.ContentType?.MediaType);

        using var svg = await client.GetAsync("/modules/sample-module/media/diagram.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        var policy = string.Join(",", svg.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("attachment", svg.Content.Headers.ContentDisposition?.DispositionType);

        foreach (var refused in new[] { "page.html", "app.js" })
        {
            using var response = await client.GetAsync("/modules/sample-module/media/" + refused);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("alert(document.cookie)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_content, recursive: true);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
