using IaptLearning.Web.Features.Reports;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Reports;

[Collection(WebAppTests.Name)]
public class RecordCountTests(WebAppFixture app)
{
    public static TheoryData<RecordStatus?, bool> Filters() => new()
    {
        { null, false },
        { RecordStatus.Overdue, false },
        { RecordStatus.Completed, false },
        { null, true },
        { RecordStatus.InProgress, true },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task CountAsync_Everyone_EqualsTheRowsTheTableWouldList(RecordStatus? status, bool searchAboutPeople)
    {
        await ReportsSeed.GetAsync(app);
        await app.ExecuteDbAsync(async db =>
        {
            var query = new RecordQuery(db, StaffScope.Everyone, ReportsSeed.Now);
            var filter = new RecordFilter { Status = status, Search = searchAboutPeople ? "person" : null };

            var count = await query.CountAsync(filter);

            Assert.Equal(await query.Filtered(filter).CountAsync(), count);
            Assert.True(count > 0);
        });
    }
}
