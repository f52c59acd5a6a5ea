using System.Net;

namespace IaptLearning.Web.Tests.Features.Catalog;

[Collection(WebAppTests.Name)]
public class PagesTests(WebAppFixture app)
{
    private HttpClient Client() => app.CreateBrowserClient();

    [Fact]
    public async Task GetCatalogue_SignedOut_ListsPublishedModule()
    {
        var html = await Client().GetStringAsync("/modules");
        Assert.Contains("Sample module", html);
        Assert.Contains("href=\"/modules/sample-module\"", html);
    }

    [Fact]
    public async Task GetModule_KnownSlug_ShowsOverviewOutcomesAndLessons()
    {
        var html = await Client().GetStringAsync("/modules/sample-module");
        Assert.Contains("This module exists for the tests.", html);
        Assert.Contains("Know what a sample is", html);
        Assert.Contains("/modules/sample-module/lessons/first-steps", html);
        Assert.Contains("/modules/sample-module/lessons/second-steps", html);
    }

    [Theory]
    [InlineData("/modules/no-such-module")]
    [InlineData("/modules/sample-module/media/missing.png")]
    [InlineData("/no/such/page")]
    public async Task Get_UnknownAddress_Returns404Page(string address)
    {
        var response = await Client().GetAsync(new Uri(address, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetLesson_SignedOut_RedirectsToSignIn()
    {
        var response = await Client().GetAsync(new Uri("/modules/sample-module/lessons/first-steps", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task GetStylesheet_CopiedFromNpm_IsServed()
    {
        var response = await Client().GetAsync(new Uri("/lib/nhsuk-frontend/nhsuk-frontend.min.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
