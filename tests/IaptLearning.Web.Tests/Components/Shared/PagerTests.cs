using Bunit;
using IaptLearning.Web.Components.Shared;

namespace IaptLearning.Web.Tests.Components.Shared;

public class PagerTests : BunitContext
{
    private static string Link(int page) => $"/admin/people?page={page}";

    [Fact]
    public void Render_OnePage_RendersNothing()
    {
        var cut = Render<Pager>(p => p.Add(c => c.Label, "Pages of people").Add(c => c.Page, 1).Add(c => c.PageCount, 1).Add(c => c.PageLink, Link));
        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void Render_MiddlePage_LinksBothWaysWithPageOfCount()
    {
        var cut = Render<Pager>(p => p.Add(c => c.Label, "Pages of people").Add(c => c.Page, 2).Add(c => c.PageCount, 3).Add(c => c.PageLink, Link));

        Assert.Equal("Pages of people", cut.Find("nav").GetAttribute("aria-label"));
        var previous = cut.Find("a[rel=prev]");
        Assert.Equal("/admin/people?page=1", previous.GetAttribute("href"));
        Assert.Equal("Previous page: Page 1 of 3", Normalise(previous.TextContent));
        var next = cut.Find("a[rel=next]");
        Assert.Equal("/admin/people?page=3", next.GetAttribute("href"));
        Assert.Equal("Next page: Page 3 of 3", Normalise(next.TextContent));
    }

    [Theory]
    [InlineData(1, "next")]
    [InlineData(3, "prev")]
    public void Render_FirstOrLastPage_LinksOnlyTheWayThereIsToGo(int page, string rel)
    {
        var cut = Render<Pager>(p => p.Add(c => c.Label, "Pages").Add(c => c.Page, page).Add(c => c.PageCount, 3).Add(c => c.PageLink, Link));
        var link = Assert.Single(cut.FindAll("a"));
        Assert.Equal(rel, link.GetAttribute("rel"));
    }

    [Fact]
    public void Render_Lessons_NamesTheStepAndTheNeighbour()
    {
        var cut = Render<Pager>(p => p
            .Add(c => c.Label, "Lessons")
            .Add(c => c.Unit, "lesson")
            .Add(c => c.Next, new PagerLink("/modules/long-covid/lessons/impact", "Physical and psychological impact")));

        var next = Assert.Single(cut.FindAll("a"));
        Assert.Equal("Next lesson: Physical and psychological impact", Normalise(next.TextContent));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" :", ":", StringComparison.Ordinal);
}
