using System.Net;
using System.Text;
using IaptLearning.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Reports;

[Collection(WebAppTests.Name)]
public class ReportsPagesTests(WebAppFixture app)
{
    public static TheoryData<string> Addresses => ["/manage", "/manage/records", "/manage/records.csv"];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Get_Anonymous_SentToSignIn(string address)
    {
        var response = await app.CreateBrowserClient().GetAsync(address);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Get_LearnerOrAuthor_Denied(string address)
    {
        var seed = await ReportsSeed.GetAsync(app);
        foreach (var email in new[] { seed.Learner.Email, seed.Author.Email })
        {
            var client = await app.SignInAsync(email);

            var response = await client.GetAsync(address);

            Assert.True(response.StatusCode is HttpStatusCode.Forbidden
                || response.Headers.Location?.ToString().Contains("Account/AccessDenied", StringComparison.Ordinal) == true,
                $"{email} got {response.StatusCode} for {address}");
        }
    }

    [Fact]
    public async Task Dashboard_ManagerOfA_ShowsCountsAndAuditsOnce()
    {
        var seed = await ReportsSeed.GetAsync(app);
        var client = await app.SignInAsync(seed.ManagerA.Email);
        var before = await AuditCountAsync(seed.ManagerA.Id, AuditActions.DashboardViewed);

        var html = await client.GetStringAsync("/manage");

        Assert.Contains("5 people in your services and teams, 9 module records", html, StringComparison.Ordinal);
        Assert.Contains(">Completions by month</caption>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("A one (Service A)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("B one", html, StringComparison.Ordinal);
        Assert.Contains("export async function render", await client.GetStringAsync("/js/manage-dashboard.js"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/chart.js/chart.umd.min.js")).StatusCode);
        Assert.DoesNotMatch("<script[^>]*chart", html); // Loaded by the module only when drawing.
        Assert.Equal(before + 1, await AuditCountAsync(seed.ManagerA.Id, AuditActions.DashboardViewed));
    }

    [Fact]
    public async Task Dashboard_ManagerWithoutScope_SaysSo()
    {
        var seed = await ReportsSeed.GetAsync(app);
        var client = await app.SignInAsync(seed.ManagerWithoutScope.Email);

        var html = await client.GetStringAsync("/manage");

        Assert.Contains("You do not manage any services yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_BadModule_ExplainedAndIgnored()
    {
        var seed = await ReportsSeed.GetAsync(app);
        var client = await app.SignInAsync(seed.ManagerA.Email);

        var html = await client.GetStringAsync("/manage?module=..%2Fsecrets");

        Assert.Contains("Choose a module from the list", html, StringComparison.Ordinal);
        Assert.Contains("9 module records", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_ManagerOfA_FilteredToOverdue_ShowsOnlyAsOverdueRecords()
    {
        var seed = await ReportsSeed.GetAsync(app);
        var client = await app.SignInAsync(seed.ManagerA.Email);

        var html = await client.GetStringAsync("/manage/records?status=overdue&sort=due");

        Assert.Contains("3 records match", html, StringComparison.Ordinal);
        Assert.Contains("Alice Ángel", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", html, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"ascending\"", html, StringComparison.Ordinal);
        Assert.Contains($"/manage/people/{seed.People["a1"]}", html, StringComparison.Ordinal);
        Assert.Contains("/manage/records.csv?status=overdue&amp;sort=due", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_BadFilters_ExplainedNotAnError()
    {
        var seed = await ReportsSeed.GetAsync(app);
        var client = await app.SignInAsync(seed.ManagerA.Email);

        var response = await client.GetAsync("/manage/records?status=bogus&duefrom=31%2F02%2F2026&page=-1&team=x");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Choose a status from the list", html, StringComparison.Ordinal);
        Assert.Contains("The earliest due date must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("#duefrom-day\">The earliest due date must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("Page must be a whole number from 1", html, StringComparison.Ordinal);
        Assert.Contains("9 records match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_ManagerOfA_AttachmentOfAsRowsOnlyAndAudited()
    {
        var seed = await ReportsSeed.GetAsync(app);
        var client = await app.SignInAsync(seed.ManagerA.Email);
        var before = await AuditCountAsync(seed.ManagerA.Id, AuditActions.Exported);

        var response = await client.GetAsync("/manage/records.csv?sort=team&dir=desc&q=e");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = CsvText.Parse(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches(@"^""?training-records-\d{4}-\d{2}-\d{2}\.csv""?$", response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.True(rows.Count > 1);
        var emails = rows.Skip(1).Select(r => r[2]).ToList();
        Assert.All(emails, e => Assert.Matches("^a[1-5]-", e));
        Assert.Equal(before + 1, await AuditCountAsync(seed.ManagerA.Id, AuditActions.Exported));
        await app.ExecuteDbAsync(async db =>
        {
            var entry = await db.AuditEvents.Where(e => e.ActorUserId == seed.ManagerA.Id && e.Action == AuditActions.Exported).OrderBy(e => e.Id).LastAsync();
            Assert.Contains("\"search\":\"e\"", entry.DetailsJson, StringComparison.Ordinal);
            Assert.Contains($"\"rows\":{rows.Count - 1}", entry.DetailsJson, StringComparison.Ordinal);
        });
    }

    private async Task<int> AuditCountAsync(string actorId, string action)
    {
        return await app.ExecuteDbAsync(db => db.AuditEvents.CountAsync(e => e.ActorUserId == actorId && e.Action == action));
    }
}
