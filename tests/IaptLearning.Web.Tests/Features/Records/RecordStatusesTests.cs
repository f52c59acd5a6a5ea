using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Records;

namespace IaptLearning.Web.Tests.Features.Records;

public class RecordStatusesTests
{
    private static DateTime Now => TestRecords.Now;

    private static ModuleRecord Record(DateTime? due = null, DateTime? started = null, DateTime? completed = null, DateTime? expires = null) =>
        TestRecords.Record(due, started, completed, expires);

    /// <summary>Every combination of due (none, past, soon, later), started, completed and expiry (none, past, soon, later).</summary>
    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, AllRecords().Count)];

    private static List<ModuleRecord> AllRecords()
    {
        DateTime?[] dues = [null, Now.AddDays(-1), Now, Now.AddDays(10), Now.AddDays(90)];
        DateTime?[] starts = [null, Now.AddDays(-5)];
        DateTime?[] completions = [null, Now.AddDays(-4)];
        DateTime?[] expiries = [null, Now.AddDays(-1), Now.AddDays(10), Now.AddDays(90)];
        return [.. from d in dues from s in starts from c in completions from e in expiries
                   where c != null || e == null
                   select Record(d, s, c, e)];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_EveryRecord_MatchesExactlyTheStatusOfAgrees(int index)
    {
        var record = AllRecords()[index];
        var of = RecordStatuses.Of(record, Now);
        var matching = Enum.GetValues<RecordStatus>().Where(s => RecordStatuses.Is(s, Now).Compile()(record)).ToList();
        Assert.Equal([of], matching);
    }

    [Fact]
    public void Of_CompletedNoExpiry_IsCompletedEvenPastDue() =>
        Assert.Equal(RecordStatus.Completed, RecordStatuses.Of(Record(due: Now.AddDays(-10), completed: Now.AddDays(-20)), Now));

    [Fact]
    public void Of_CompletionExpired_IsOverdueEvenWithoutDueDate() =>
        Assert.Equal(RecordStatus.Overdue, RecordStatuses.Of(Record(completed: Now.AddYears(-1), expires: Now.AddDays(-1)), Now));

    [Fact]
    public void Of_DueAtThisInstant_IsOverdue() =>
        Assert.Equal(RecordStatus.Overdue, RecordStatuses.Of(Record(due: Now, started: Now.AddDays(-1)), Now));

    [Fact]
    public void Of_StartedNotDue_IsInProgress() =>
        Assert.Equal(RecordStatus.InProgress, RecordStatuses.Of(Record(due: Now.AddDays(1), started: Now.AddDays(-1)), Now));

    [Fact]
    public void Of_Nothing_IsNotStarted() =>
        Assert.Equal(RecordStatus.NotStarted, RecordStatuses.Of(Record(), Now));

    [Theory]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void IsExpiringSoon_ByDaysToExpiry(int days, bool expected) =>
        Assert.Equal(expected, RecordStatuses.IsExpiringSoon(Record(completed: Now.AddYears(-1), expires: Now.AddDays(days)), Now));

    [Theory]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void IsDueSoon_ByDaysToDue(int days, bool expected) =>
        Assert.Equal(expected, RecordStatuses.IsDueSoon(Record(due: Now.AddDays(days)), Now));

    [Fact]
    public void IsDueSoon_Completed_IsFalse() =>
        Assert.False(RecordStatuses.IsDueSoon(Record(due: Now.AddDays(3), completed: Now.AddDays(-1)), Now));

    [Fact]
    public void Name_EveryStatus_IsItsDisplayName() =>
        Assert.Equal(["Not started", "In progress", "Completed", "Overdue"], Enum.GetValues<RecordStatus>().Select(RecordStatuses.Name));
}
