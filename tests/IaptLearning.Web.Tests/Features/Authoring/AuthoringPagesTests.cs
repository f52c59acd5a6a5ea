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

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditLesson_Saved_LearnerGetsTheNewTextWithinTwoSeconds()
    {
        using var learner = await app.SignedInAsync();
        const string address = "/modules/sample-module/lessons/second-steps";
        Assert.Contains("Samples can be small.", await learner.GetStringAsync(address), StringComparison.Ordinal);

        Edit(app.File("sample-module", "02-second-steps.md"), "Samples can be small.", "Samples can be very small indeed.");
        var took = await WaitForAsync(learner, address, html => html.Contains("Samples can be very small indeed.", StringComparison.Ordinal));

        output.WriteLine($"Saved to served: {took.TotalMilliseconds:0} ms");
        Assert.True(took < Deadline, $"took {took}");
    }

    [Fact]
    public async Task BrokenSave_LearnersKeepLastGoodVersion_AuthorsSeeProblem_FixPublishes()
    {
        using var learner = await app.SignedInAsync();
        using var author = await app.SignedInAsync("author");
        var lesson = app.File("sample-module", "01-first-steps.md");
        const string address = "/modules/sample-module/lessons/first-steps";

        Edit(lesson, "duration: 2m", "duration: soon");
        Edit(lesson, "Read on.", "Read on, broken.");
        await WaitForAsync(author, "/authoring", html => html.Contains("01-first-steps.md line", StringComparison.Ordinal));

        var authoring = await author.GetStringAsync("/authoring");
        Assert.Contains("Has errors: learners get the last good version", authoring, StringComparison.Ordinal);
        var served = await learner.GetStringAsync(address);
        Assert.Contains("Read on.", served, StringComparison.Ordinal);
        Assert.DoesNotContain("Read on, broken.", served, StringComparison.Ordinal);
        Assert.Contains("last version that loaded without errors", await author.GetStringAsync("/authoring/sample-module"), StringComparison.Ordinal);

        Edit(lesson, "duration: soon", "duration: 2m");
        await WaitForAsync(learner, address, html => html.Contains("Read on, broken.", StringComparison.Ordinal), Deadline);
        Assert.DoesNotContain("01-first-steps.md line", await author.GetStringAsync("/authoring"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LessonRenamedThenModuleFolderRemoved_OldAddressesAre404()
    {
        using var learner = await app.SignedInAsync();
        var copy = app.File("copied-module");
        LiveContentTests.CopyDirectory(app.File("sample-module"), copy);
        Edit(Path.Combine(copy, "module.md"), "title: Sample module", "title: Copied module");
        await WaitForAsync(learner, "/modules", html => html.Contains("Copied module", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync(new Uri("/modules/copied-module/lessons/second-steps", UriKind.Relative))).StatusCode);

        File.Move(Path.Combine(copy, "02-second-steps.md"), Path.Combine(copy, "02-later-steps.md"));
        await WaitForAsync(learner, "/modules/copied-module", html => html.Contains("/modules/copied-module/lessons/later-steps", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync(new Uri("/modules/copied-module/lessons/second-steps", UriKind.Relative))).StatusCode);

        Directory.Delete(copy, recursive: true);
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(50);
            status = (await learner.GetAsync(new Uri("/modules/copied-module/lessons/first-steps", UriKind.Relative))).StatusCode;
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task AuthorPages_Author_ShowEveryModuleAndTheAnswerKey()
    {
        using var author = await app.SignedInAsync("author");

        var list = await author.GetStringAsync("/authoring");
        Assert.Contains("Sample module", list, StringComparison.Ordinal);
        Assert.Contains("Content hash", list, StringComparison.Ordinal);

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
