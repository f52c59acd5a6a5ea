using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace IaptLearning.Web.Tests.Features.Authoring;

public class AuthoringPagesTests(AuthoringAppFixture app, ITestOutputHelper output) : IClassFixture<AuthoringAppFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private async Task<TimeSpan> WaitForAsync(HttpClient client, string address, Func<string, bool> condition, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        string last = "";
        while (clock.Elapsed < (within ?? TimeSpan.FromSeconds(10)))
        {
            last = await client.GetStringAsync(new Uri(address, UriKind.Relative));
            if (condition(last))
            {
                return clock.Elapsed;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{address} did not change in time:\n{last}");
        return clock.Elapsed;
    }

    /// <summary>Raises the module's PATCH number, as an author does with each published change.</summary>
    private static void BumpVersion(string moduleFile)
    {
        var text = File.ReadAllText(moduleFile);
        var line = text.Split('\n').Single(l => l.StartsWith("version: ", StringComparison.Ordinal));
        var parts = line["version: ".Length..].Trim().Split('.');
        File.WriteAllText(moduleFile, text.Replace(line, $"version: {parts[0]}.{parts[1]}.{int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 1}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AutoPublish_SaveWithANewVersion_LearnerGetsTheNewTextWithinTwoSeconds()
    {
        using var learner = await app.SignedInAsync();
        const string address = "/modules/sample-module/lessons/second-steps";
        Assert.Contains("Samples can be small.", await learner.GetStringAsync(address), StringComparison.Ordinal);

        TestFiles.Edit(app.File("sample-module", "02-second-steps.md"), "Samples can be small.", "Samples can be very small indeed.");
        BumpVersion(app.File("sample-module", "module.md"));
        var took = await WaitForAsync(learner, address, html => html.Contains("Samples can be very small indeed.", StringComparison.Ordinal));

        output.WriteLine($"Saved to served: {took.TotalMilliseconds:0} ms");
        Assert.True(took < Deadline, $"took {took}");
    }

    [Fact]
    public async Task AutoPublish_SaveUnderTheReleasedVersion_LearnerKeepsTheRelease_AuthorsSeeWhy()
    {
        using var learner = await app.SignedInAsync();
        using var author = await app.SignedInAsync("author");
        const string address = "/modules/sample-module/lessons/second-steps";
        var before = await learner.GetStringAsync(address);

        TestFiles.Edit(app.File("sample-module", "02-second-steps.md"), "## ", "## Unreleased: ");
        await WaitForAsync(author, "/authoring", html => html.Contains("Changes not published", StringComparison.Ordinal));

        Assert.DoesNotContain("Unreleased: ", await learner.GetStringAsync(address), StringComparison.Ordinal);
        Assert.Contains("was already released", await author.GetStringAsync("/authoring/sample-module/releases"), StringComparison.Ordinal);
        TestFiles.Edit(app.File("sample-module", "02-second-steps.md"), "## Unreleased: ", "## ");
        await WaitForAsync(author, "/authoring", html => !html.Contains("Changes not published", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync(new Uri(address, UriKind.Relative))).StatusCode);
        Assert.NotEmpty(before);
    }

    [Fact]
    public async Task BrokenSave_LearnersKeepTheirRelease_AuthorsSeeProblem_FixWithNewVersionPublishes()
    {
        using var learner = await app.SignedInAsync();
        using var author = await app.SignedInAsync("author");
        var lesson = app.File("sample-module", "01-first-steps.md");
        const string address = "/modules/sample-module/lessons/first-steps";

        TestFiles.Edit(lesson, "duration: 2m", "duration: soon");
        TestFiles.Edit(lesson, "Read on.", "Read on, broken.");
        await WaitForAsync(author, "/authoring", html => html.Contains("01-first-steps.md line", StringComparison.Ordinal));

        var authoring = await author.GetStringAsync("/authoring");
        Assert.Contains("Has errors: cannot be published", authoring, StringComparison.Ordinal);
        Assert.Contains("Learners get version", authoring, StringComparison.Ordinal);
        var served = await learner.GetStringAsync(address);
        Assert.Contains("Read on.", served, StringComparison.Ordinal);
        Assert.DoesNotContain("Read on, broken.", served, StringComparison.Ordinal);
        Assert.Contains("last version that loaded without errors", await author.GetStringAsync("/authoring/sample-module"), StringComparison.Ordinal);
        Assert.Contains("cannot be published", await author.GetStringAsync("/authoring/sample-module/releases"), StringComparison.Ordinal);

        TestFiles.Edit(lesson, "duration: soon", "duration: 2m");
        BumpVersion(app.File("sample-module", "module.md"));
        await WaitForAsync(learner, address, html => html.Contains("Read on, broken.", StringComparison.Ordinal), Deadline);
        Assert.DoesNotContain("01-first-steps.md line", await author.GetStringAsync("/authoring"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewModuleFolder_PublishedFirstTime_ThenFolderRemoved_LearnersKeepIt()
    {
        using var learner = await app.SignedInAsync();
        using var author = await app.SignedInAsync("author");
        var copy = app.File("copied-module");
        LiveContentTests.CopyDirectory(app.File("sample-module"), copy);
        TestFiles.Edit(Path.Combine(copy, "module.md"), "title: Sample module", "title: Copied module");
        await WaitForAsync(learner, "/modules", html => html.Contains("Copied module", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync(new Uri("/modules/copied-module/lessons/second-steps", UriKind.Relative))).StatusCode);

        Directory.Delete(copy, recursive: true);
        await WaitForAsync(author, "/authoring", html => html.Contains("Folder removed", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync(new Uri("/modules/copied-module/lessons/second-steps", UriKind.Relative))).StatusCode);
        Assert.Contains("Copied module", await learner.GetStringAsync("/modules"), StringComparison.Ordinal);
        Assert.Contains("removing a folder never takes a published module away", await author.GetStringAsync("/authoring/copied-module"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorPages_Author_ShowEveryModuleAndTheAnswerKey()
    {
        using var author = await app.SignedInAsync("author");

        var list = await author.GetStringAsync("/authoring");
        Assert.Contains("Sample module", list, StringComparison.Ordinal);
        Assert.Contains("content hash", list, StringComparison.Ordinal);
        Assert.Contains("Releases and publishing", list, StringComparison.Ordinal);

        var bank = await author.GetStringAsync("/authoring/sample-module/assessment");
        Assert.Contains("Correct answer", bank, StringComparison.Ordinal);
        Assert.Contains("Two and four are even.", bank, StringComparison.Ordinal);
        Assert.Contains("Author's preview", bank, StringComparison.Ordinal);

        var lesson = await author.GetStringAsync("/authoring/sample-module/lessons/first-steps");
        Assert.Contains("Not quite: it stands in for something.", lesson, StringComparison.Ordinal);

        var statistics = await author.GetStringAsync("/authoring/sample-module/statistics");
        Assert.Contains("assessment.md</code> line", statistics, StringComparison.Ordinal);

        var csv = await author.GetAsync(new Uri("/authoring/sample-module/statistics.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("record,id,file,line", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(new Uri("/authoring/no-such-module", UriKind.Relative))).StatusCode);
    }

    public static TheoryData<string> AuthorAddresses =>
    [
        "/authoring",
        "/authoring/sample-module",
        "/authoring/sample-module/lessons/first-steps",
        "/authoring/sample-module/assessment",
        "/authoring/sample-module/statistics",
        "/authoring/sample-module/releases",
        "/authoring/sample-module/statistics.csv",
    ];

    [Theory]
    [MemberData(nameof(AuthorAddresses))]
    public async Task AuthorPage_LearnerOnly_IsDenied(string address)
    {
        using var learner = await app.SignedInAsync();
        var response = await learner.GetAsync(new Uri(address, UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("Account/AccessDenied", StringComparison.Ordinal) == true,
            $"{address}: {response.StatusCode} {response.Headers.Location}");
    }

    [Theory]
    [MemberData(nameof(AuthorAddresses))]
    public async Task AuthorPage_SignedOut_RedirectsToSignIn(string address)
    {
        using var client = app.CreateBrowserClient();
        var response = await client.GetAsync(new Uri(address, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("author")]
    public async Task AuthorPage_AuthorOrAdmin_IsAllowed(string role)
    {
        using var client = await app.SignedInAsync(role);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/authoring", UriKind.Relative))).StatusCode);
    }
}
