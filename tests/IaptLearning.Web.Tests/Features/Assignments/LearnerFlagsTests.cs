using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Tests.Features.Records;

namespace IaptLearning.Web.Tests.Features.Assignments;

/// <summary>The flags a learner sees on assigned modules, and the order of the catalogue's sections.</summary>
public class LearnerFlagsTests
{
    private static DateTime Now => TestRecords.Now;

    private static ModuleRecord Record(DateTime? due = null, DateTime? completed = null, DateTime? expires = null, DateTime? started = null) =>
        TestRecords.Record(due, started, completed, expires);

    private static string[] Flags(ModuleRecord record) => [.. LearnerFlags.For(record, Now).Select(f => f.Text)];

    [Fact]
    public void For_PastDueNotCompleted_IsOverdue() =>
        Assert.Equal(["Overdue"], Flags(Record(due: Now.AddHours(-1), started: Now.AddDays(-3))));

    [Fact]
    public void For_DueWithin30Days_IsDueSoon() =>
        Assert.Equal(["Due soon"], Flags(Record(due: Now.AddDays(29))));

    [Fact]
    public void For_DueLater_HasNoFlag() =>
        Assert.Empty(Flags(Record(due: Now.AddDays(31))));

    [Fact]
    public void For_CompletedWithNoExpiry_IsCompletedEvenIfPastDue() =>
        Assert.Equal(["Completed"], Flags(Record(due: Now.AddDays(-10), completed: Now.AddDays(-20))));

    [Fact]
    public void For_CompletionExpiringWithin30Days_SaysRenewalDueAndTheDate() =>
        Assert.Equal(["Completed", "Renewal due", "Expires on 20 March 2026"], Flags(Record(completed: Now.AddMonths(-12), expires: Now.AddDays(15))));

    [Fact]
    public void For_CompletionExpired_SaysRenewalDueAndWhenItExpired() =>
        Assert.Equal(["Renewal due", "Expired on 3 March 2026"], Flags(Record(completed: Now.AddMonths(-13), expires: Now.AddDays(-2))));

    [Fact]
    public void For_EveryFlag_CarriesText()
    {
        var records = new[] { Record(due: Now.AddHours(-1)), Record(due: Now.AddDays(1)), Record(completed: Now, expires: Now.AddDays(3)), Record(completed: Now.AddYears(-2), expires: Now.AddDays(-1)) };
        Assert.All(records.SelectMany(r => LearnerFlags.For(r, Now)), f => Assert.False(string.IsNullOrWhiteSpace(f.Text)));
    }

    [Fact]
    public void Split_AssignedFirstBySoonestDueThenTitle_OthersInCatalogueOrder()
    {
        var modules = new[] { Module("a", "Alpha"), Module("b", "Bravo"), Module("c", "Charlie"), Module("d", "Delta"), Module("e", "Echo") };
        var assigned = new Dictionary<string, ModuleRecord>
        {
            ["e"] = Record(due: Now.AddDays(5)),
            ["b"] = Record(due: Now.AddDays(40)),
            ["d"] = Record(due: Now.AddDays(5)),
            ["c"] = Record(due: Now.AddDays(-3)),
        };

        var sections = CatalogueSections.Split(modules, assigned);

        Assert.Equal(["c", "d", "e", "b"], sections.Assigned.Select(x => x.Module.Slug));
        Assert.Equal(["a"], sections.Others.Select(m => m.Slug));
    }

    private static ContentModule Module(string slug, string title) => new()
    {
        Slug = slug, Title = title, Summary = "", Version = "1.0.0", OverviewHtml = "", ContentHash = "hash", FolderPath = "/",
    };
}
