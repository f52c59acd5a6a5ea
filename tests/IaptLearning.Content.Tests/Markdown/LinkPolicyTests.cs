using IaptLearning.Content.Markdown.Extensions.Links;

namespace IaptLearning.Content.Tests.Markdown;

public sealed class LinkPolicyTests
{
    [Theory]
    [InlineData("https://www.nice.org.uk/guidance/ng188", LinkKind.Web)]
    [InlineData("HTTP://EXAMPLE.ORG", LinkKind.Web)]
    [InlineData("mailto:team@example.nhs.uk", LinkKind.Email)]
    [InlineData("02-lesson.md#heading", LinkKind.Relative)]
    [InlineData("media/a%20b.png", LinkKind.Relative)]
    [InlineData("#heading", LinkKind.Fragment)]
    [InlineData("", LinkKind.Empty)]
    [InlineData("   ", LinkKind.Empty)]
    [InlineData("//evil.example", LinkKind.ProtocolRelative)]
    [InlineData("\\\\evil.example\\share", LinkKind.ProtocolRelative)]
    [InlineData("/\\evil.example", LinkKind.ProtocolRelative)]
    [InlineData("javascript:alert(1)", LinkKind.Unsafe)]
    [InlineData(" JavaScript:alert(1)", LinkKind.Unsafe)]
    [InlineData("java\tscript:alert(1)", LinkKind.Unsafe)]
    [InlineData("java\nscript:alert(1)", LinkKind.Unsafe)]
    [InlineData("\u0001javascript:alert(1)", LinkKind.Unsafe)]
    [InlineData("vbscript:msgbox(1)", LinkKind.Unsafe)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", LinkKind.Unsafe)]
    [InlineData("file:///etc/passwd", LinkKind.Unsafe)]
    [InlineData("ftp://example.org/file", LinkKind.Unsafe)]
    [InlineData("C:\\Windows\\win.ini", LinkKind.Unsafe)]
    [InlineData("http:", LinkKind.Unsafe)]
    [InlineData("https:///nohost", LinkKind.Unsafe)]
    public void Classify_Address_ReturnsKind(string url, LinkKind expected)
    {
        Assert.Equal(expected, LinkPolicy.Classify(url));
    }

    [Theory]
    [InlineData("mailto:a@b.c", false, true)]
    [InlineData("mailto:a@b.c", true, false)]
    [InlineData("javascript:x", false, false)]
    [InlineData("https://x.org/a.png", true, true)]
    public void IsSafeToRender_RespectsImageRules(string url, bool isImage, bool expected)
    {
        Assert.Equal(expected, LinkPolicy.IsSafeToRender(url, isImage));
    }

    [Theory]
    [InlineData("01-a.md", "02-b.md", "02-b.md")]
    [InlineData("01-a.md", "./media/x.png", "media/x.png")]
    [InlineData("01-a.md", "media/../02-b.md", "02-b.md")]
    [InlineData("01-a.md", "../other/module.md", null)]
    [InlineData("01-a.md", "/etc/passwd", null)]
    [InlineData("01-a.md", "media/../../x", null)]
    [InlineData("01-a.md", ".", null)]
    public void Normalise_RelativePath_StaysInsideModuleOrIsNull(string file, string link, string? expected)
    {
        Assert.Equal(expected, LinkResolver.Normalise(file, link));
    }

    [Fact]
    public void ContentAddresses_AreTheOneAddressScheme()
    {
        Assert.Equal("/modules/long-covid", ContentAddresses.Module("long-covid"));
        Assert.Equal("/modules/long-covid/lessons/physical-impact", ContentAddresses.Lesson("long-covid", "physical-impact"));
        Assert.Equal("/modules/long-covid/assessment", ContentAddresses.Assessment("long-covid"));
        Assert.Equal("/modules/long-covid/media/a%20b%23.png", ContentAddresses.Media("long-covid", "media/a b#.png"));
        Assert.Equal("/modules/x#a%20b", ContentAddresses.WithFragment("/modules/x", "a b"));
    }
}
