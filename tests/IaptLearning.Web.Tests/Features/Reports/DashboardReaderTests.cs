using IaptLearning.Web.Features.Reports;

namespace IaptLearning.Web.Tests.Features.Reports;

[Collection(WebAppTests.Name)]
public class DashboardReaderTests(WebAppFixture app)
{
    private async Task<(ReportsSeed Seed, Dashboard Dashboard)> ReadAsync(Func<ReportsSeed, TestPerson> manager, string? module = null)
    {
        var seed = await ReportsSeed.GetAsync(app);
        var scope = await seed.ScopeAsync(app, manager(seed).Id);
        return await app.ExecuteDbAsync(async db => (seed, await DashboardReader.ReadAsync(db, scope, module, slug => slug, ReportsSeed.Now)));
    }

    [Fact]
    public async Task ReadAsync_ManagerOfA_CountsAsWorkedOutByHand()
    {
        var (seed, dashboard) = await ReadAsync(s => s.ManagerA);

        Assert.Equal(5, dashboard.People);
        Assert.Equal(new StatusCounts(Completed: 3, InProgress: 1, NotStarted: 2, Overdue: 3), dashboard.All);
        Assert.Equal(
            [(seed.ModuleOne, new StatusCounts(1, 1, 1, 2)), (seed.ModuleTwo, new StatusCounts(2, 0, 1, 1))],
            dashboard.Modules.Select(l => (l.Label, l.Counts)));
        Assert.Equal(
            [("A one (Service A)", new StatusCounts(2, 1, 1, 2)), ("A two (Service A)", new StatusCounts(1, 0, 1, 1))],
            dashboard.Teams.Select(l => (l.Label, l.Counts)));
        Assert.Equal(
            [("Counsellor", new StatusCounts(0, 0, 1, 0)), ("High-intensity therapist", new StatusCounts(1, 1, 1, 1)), ("Psychological wellbeing practitioner", new StatusCounts(2, 0, 0, 2))],
            dashboard.JobRoles.Select(l => (l.Label, l.Counts)));
        Assert.Equal("33%", dashboard.All.Percent(Web.Features.Records.RecordStatus.Completed));
    }

    [Fact]
    public async Task ReadAsync_ManagerOfA_CompletionsByUkMonthForTwelveMonths()
    {
        var (_, dashboard) = await ReadAsync(s => s.ManagerA);

        // 15 January, 10 February and 3 March 2026; the January 2025 completion is older than 12 months.
        Assert.Equal(12, dashboard.CompletionsByMonth.Count);
        Assert.Equal("April 2025", dashboard.CompletionsByMonth[0].Label);
        Assert.Equal("March 2026", dashboard.CompletionsByMonth[^1].Label);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1], dashboard.CompletionsByMonth.Select(m => m.Completions));
    }

    [Fact]
    public async Task ReadAsync_ManagerOfB_MovedPeopleCountedForBAndBritishSummerTimeRespected()
    {
        var (_, dashboard) = await ReadAsync(s => s.ManagerB);

        Assert.Equal(4, dashboard.People);
        Assert.Equal(new StatusCounts(Completed: 2, InProgress: 2, NotStarted: 1, Overdue: 1), dashboard.All);
        Assert.Equal("B one (Service B)", Assert.Single(dashboard.Teams).Label);
        var months = dashboard.CompletionsByMonth.ToDictionary(m => m.Label, m => m.Completions);
        Assert.Equal(0, months["May 2025"]);
        Assert.Equal(1, months["June 2025"]);
        Assert.Equal(1, months["December 2025"]);
    }

    [Fact]
    public async Task ReadAsync_ModuleFilter_CountsThatModuleOnly()
    {
        var seed = await ReportsSeed.GetAsync(app);
        var (_, dashboard) = await ReadAsync(s => s.ManagerA, module: seed.ModuleTwo);

        Assert.Equal(seed.ModuleTwo, Assert.Single(dashboard.Modules).Key);
        Assert.Equal(new StatusCounts(2, 0, 1, 1), dashboard.All);
    }

    [Fact]
    public async Task ReadAsync_ManagerWithoutScope_NothingCounted()
    {
        var (_, dashboard) = await ReadAsync(s => s.ManagerWithoutScope);

        Assert.Equal(0, dashboard.People);
        Assert.Equal(StatusCounts.Zero, dashboard.All);
        Assert.Empty(dashboard.Teams);
    }
}
