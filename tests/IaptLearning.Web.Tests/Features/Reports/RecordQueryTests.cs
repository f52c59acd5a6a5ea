using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Reports;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Reports;

[Collection(WebAppTests.Name)]
public class RecordQueryTests(WebAppFixture app)
{
    private static readonly DateTime Now = ReportsSeed.Now;

    /// <summary>Runs <paramref name="test"/> on the seed with a query as the manager would see it, on a context of its own.</summary>
    private async Task QueryAsync(Func<ReportsSeed, TestPerson> manager, Func<ReportsSeed, RecordQuery, AppDbContext, Task> test)
    {
        var seed = await ReportsSeed.GetAsync(app);
        var scope = await seed.ScopeAsync(app, manager(seed).Id);
        await app.ExecuteDbAsync(db => test(seed, new RecordQuery(db, scope, Now), db));
    }

    /// <summary>Every filter, alone, that a manager of A might try, including ones naming B's team, service and people.</summary>
    private static IEnumerable<RecordFilter> EveryFilter(ReportsSeed seed)
    {
        yield return new RecordFilter();
        foreach (var team in new[] { seed.TeamA1, seed.TeamA2, seed.TeamB1 })
        {
            yield return new RecordFilter { TeamId = team };
        }

        yield return new RecordFilter { ServiceId = seed.ServiceA };
        yield return new RecordFilter { ServiceId = seed.ServiceB };
        foreach (var role in Enum.GetValues<JobRole>())
        {
            yield return new RecordFilter { JobRole = role };
        }

        yield return new RecordFilter { Module = seed.ModuleOne };
        yield return new RecordFilter { Module = seed.ModuleTwo };
        foreach (var status in Enum.GetValues<RecordStatus>())
        {
            yield return new RecordFilter { Status = status };
        }

        yield return new RecordFilter { DueFrom = new DateOnly(2026, 1, 1) };
        yield return new RecordFilter { DueTo = new DateOnly(2026, 12, 31) };
        yield return new RecordFilter { DueFrom = new DateOnly(2026, 2, 20), DueTo = new DateOnly(2026, 3, 31) };
        foreach (var search in new[] { "moved", "MOVED", "bob", "tab", "carriage", "a", "example.nhs.uk", "%", "_" })
        {
            yield return new RecordFilter { Search = search };
        }
    }

    [Fact]
    public async Task ManagerOfA_EveryFilterSortAndPage_NoRowOfB()
    {
        await QueryAsync(s => s.ManagerA, async (seed, query, db) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);

            foreach (var filter in EveryFilter(seed))
            {
                foreach (var sort in Enum.GetValues<RecordSort>())
                {
                    foreach (var descending in new[] { false, true })
                    {
                        var sorted = filter with { Sort = sort, Descending = descending };
                        var page = await query.PageAsync(sorted);
                        var all = await query.Sorted(sorted).ToListAsync();

                        Assert.All(all, r => Assert.Contains(r.UserId, seed.InA));
                        Assert.All(page.Rows, r => Assert.Contains(r.UserId, seed.InA));
                        Assert.Equal(all.Count, page.Total);
                        seen.UnionWith(all.Select(r => r.UserId));
                    }
                }
            }

            // Not vacuous: every one of A's people was seen, and the filters naming B found nothing.
            Assert.Equal(seed.InA.Order(), seen.Order());
            Assert.Equal(0, await query.CountAsync(new RecordFilter { TeamId = seed.TeamB1 }));
            Assert.Equal(0, await query.CountAsync(new RecordFilter { ServiceId = seed.ServiceB }));
            Assert.Equal(0, await query.CountAsync(new RecordFilter { Search = "moved" }));
            Assert.Equal(9, await query.CountAsync(new RecordFilter()));
        });
    }

    [Fact]
    public async Task ManagerOfB_PeopleWhoMoved_AppearWithTheirWholeHistory()
    {
        await QueryAsync(s => s.ManagerB, async (seed, query, db) =>
        {
            var rows = await query.Sorted(new RecordFilter { Search = "moved" }).ToListAsync();

            Assert.Equal(3, rows.Count);
            var completedInA = Assert.Single(rows, r => r.UserId == seed.People["m1"] && r.ModuleSlug == seed.ModuleOne);
            Assert.Equal(RecordStatus.Completed, completedInA.Status);
            Assert.NotNull(completedInA.CertificateNumber);
            Assert.Equal("B one", completedInA.TeamName);
            Assert.Equal("Service B", completedInA.ServiceName);
            Assert.All(await query.Sorted(new RecordFilter()).ToListAsync(), r => Assert.Contains(r.UserId, seed.InB));
        });
    }

    [Fact]
    public async Task Filtered_ByStatus_AgreesWithRecordStatusesOf()
    {
        await QueryAsync(s => s.ManagerA, async (_, query, db) =>
        {
            var records = await db.ModuleRecords.AsNoTracking().ToDictionaryAsync(r => r.Id);

            foreach (var status in Enum.GetValues<RecordStatus>())
            {
                var rows = await query.Sorted(new RecordFilter { Status = status }).ToListAsync();

                Assert.All(rows, r => Assert.Equal(status, r.Status));
                Assert.All(rows, r => Assert.Equal(status, RecordStatuses.Of(records[r.RecordId], Now)));
            }

            // Hand-counted from the seed: completed 3, in progress 1, not started 2, overdue 3 (one of them an expired completion).
            int[] expected = [2, 1, 3, 3];
            Assert.Equal(expected, await Task.WhenAll(new[] { RecordStatus.NotStarted, RecordStatus.InProgress, RecordStatus.Completed, RecordStatus.Overdue }
                .Select(async s => (await query.Sorted(new RecordFilter { Status = s }).ToListAsync()).Count)));
        });
    }

    [Fact]
    public async Task Filtered_DueRange_IncludesBothEndDays()
    {
        await QueryAsync(s => s.ManagerA, async (seed, query, db) =>
        {
            var dueDay = new DateOnly(2026, 2, 23); // Now minus 10 days: Alice's second module.

            var exact = await query.Sorted(new RecordFilter { DueFrom = dueDay, DueTo = dueDay }).ToListAsync();
            var dayAfter = await query.CountAsync(new RecordFilter { DueFrom = dueDay.AddDays(1), DueTo = dueDay.AddDays(1) });
            var dayBefore = await query.CountAsync(new RecordFilter { DueFrom = dueDay.AddDays(-1), DueTo = dueDay.AddDays(-1) });

            var row = Assert.Single(exact);
            Assert.Equal(seed.People["a1"], row.UserId);
            Assert.Equal(seed.ModuleTwo, row.ModuleSlug);
            Assert.Equal(0, dayAfter);
            Assert.Equal(0, dayBefore);
        });
    }

    [Theory]
    [InlineData("ALICE", 2)]
    [InlineData("SIÂN", 2)]
    [InlineData("a1-", 2)]
    [InlineData("Ŵyn 😀", 2)]
    [InlineData("%", 0)]
    [InlineData("_", 0)]
    [InlineData("nobody at all", 0)]
    public async Task Filtered_Search_MatchesNameOrEmailCaseInsensitivelyWithoutWildcards(string search, int expected)
    {
        await QueryAsync(s => s.ManagerA, async (_, query, db) =>
        {
            Assert.Equal(expected, await query.CountAsync(new RecordFilter { Search = search }));
        });
    }

    [Theory]
    [InlineData(RecordSort.Name)]
    [InlineData(RecordSort.Team)]
    [InlineData(RecordSort.JobRole)]
    [InlineData(RecordSort.Module)]
    [InlineData(RecordSort.Status)]
    [InlineData(RecordSort.Due)]
    [InlineData(RecordSort.Completed)]
    [InlineData(RecordSort.Score)]
    public async Task PageAsync_EverySort_PagesPartitionTheSortedRowsInTheColumnsOrder(RecordSort sort)
    {
        await QueryAsync(s => s.ManagerC, async (_, query, db) =>
        {
            foreach (var descending in new[] { false, true })
            {
                var filter = new RecordFilter { Sort = sort, Descending = descending };
                var all = await query.Sorted(filter).ToListAsync();
                var first = await query.PageAsync(filter);
                var pages = new List<RecordRow>();
                for (var page = 1; page <= first.PageCount; page++)
                {
                    pages.AddRange((await query.PageAsync(filter with { Page = page })).Rows);
                }

                Assert.Equal(ReportsSeed.BulkPeople, all.Count);
                Assert.Equal(3, first.PageCount);
                Assert.Equal(all.Select(r => r.RecordId), pages.Select(r => r.RecordId));
                Assert.Equal(all.Count, all.Select(r => r.RecordId).Distinct().Count());
                var keys = all.Select(r => Key(r, sort)).ToList();
                var expected = descending ? keys.OrderDescending(Comparer<IComparable?>.Default) : keys.Order(Comparer<IComparable?>.Default);
                Assert.Equal(expected, keys);
            }
        });
    }

    [Fact]
    public async Task PageAsync_PastTheEnd_GivesTheLastPage()
    {
        await QueryAsync(s => s.ManagerC, async (_, query, db) =>
        {
            var page = await query.PageAsync(new RecordFilter { Page = 99 });

            Assert.Equal(3, page.Page);
            Assert.Equal(ReportsSeed.BulkPeople - 100, page.Rows.Count);
        });
    }

    [Fact]
    public async Task PageAsync_ManagerWithoutScope_Empty()
    {
        await QueryAsync(s => s.ManagerWithoutScope, async (_, query, db) =>
        {
            var page = await query.PageAsync(new RecordFilter());

            Assert.Equal(0, page.Total);
            Assert.Empty(page.Rows);
        });
    }

    private static IComparable? Key(RecordRow row, RecordSort sort) => sort switch
    {
        RecordSort.Team => row.ServiceName + "|" + row.TeamName,
        RecordSort.JobRole => row.JobRole?.ToString(),
        RecordSort.Module => row.ModuleSlug,
        RecordSort.Status => row.Status,
        RecordSort.Due => row.DueAtUtc,
        RecordSort.Completed => row.CompletedAtUtc,
        RecordSort.Score => row.Score,
        _ => row.FullName,
    };
}
