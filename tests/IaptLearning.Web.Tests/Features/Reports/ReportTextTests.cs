using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Reports;

namespace IaptLearning.Web.Tests.Features.Reports;

public class ReportTextTests
{
    [Fact]
    public void JobRole_DisplayNameOrNoneRecorded()
    {
        Assert.Equal("High-intensity therapist", ReportText.JobRole(JobRole.HighIntensityTherapist));
        Assert.Equal("No job role recorded", ReportText.JobRole(null));
    }

    [Fact]
    public void MonthStarts_TwelveUkMonthsAndTheNext_StartAtUkMidnight()
    {
        var starts = DashboardReader.MonthStarts(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal(13, starts.Count);
        Assert.Equal((2025, 8), (starts[0].Year, starts[0].Month));
        Assert.Equal(new DateTime(2025, 7, 31, 23, 0, 0, DateTimeKind.Utc), starts[0].StartUtc); // BST
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), starts[5].StartUtc);  // GMT
        Assert.Equal((2026, 8), (starts[^1].Year, starts[^1].Month));
    }

    [Fact]
    public void StatusCounts_PercentOfTheRow_ZeroWhenEmpty()
    {
        var counts = new StatusCounts(Completed: 1, InProgress: 1, NotStarted: 1, Overdue: 0);

        Assert.Equal("33%", counts.Percent(Web.Features.Records.RecordStatus.Completed));
        Assert.Equal("0%", counts.Percent(Web.Features.Records.RecordStatus.Overdue));
        Assert.Equal("0%", StatusCounts.Zero.Percent(Web.Features.Records.RecordStatus.Completed));
    }
}
