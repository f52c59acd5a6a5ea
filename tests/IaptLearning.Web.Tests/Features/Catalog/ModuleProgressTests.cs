using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Catalog;

namespace IaptLearning.Web.Tests.Features.Catalog;

public class ModuleProgressTests
{
    private static ModuleProgress Completed(string? completedVersion, string? currentVersion) =>
        new(ModuleStatusForLearner.Completed, 100, new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc), TimeSpan.Zero,
            new Dictionary<string, LessonProgress>(), completedVersion, currentVersion);

    [Theory]
    [InlineData("1.0.0", "2.0.0", true)]
    [InlineData("1.0.0", "1.4.2", false)]
    [InlineData("1.4.2", "1.4.2", false)]
    [InlineData("1.9.9", "10.0.0", true)]
    [InlineData("10.0.0", "10.2.0", false)]
    [InlineData("2.0.0", "1.0.0", true)]
    // Versions not written MAJOR.MINOR.PATCH compare by the text before the first dot.
    [InlineData("3", "3", false)]
    [InlineData("3", "4", true)]
    [InlineData("1", "1.2.0", false)]
    [InlineData("1.2", "1.3.0", false)]
    [InlineData("1.2", "2.0.0", true)]
    [InlineData("v1.0.0", "1.0.0", true)]
    [InlineData("", "1.0.0", true)]
    public void CompletedEarlierMajor_ComparesTheMajorNumbers(string completedVersion, string currentVersion, bool expected) =>
        Assert.Equal(expected, Completed(completedVersion, currentVersion).CompletedEarlierMajor);

    [Fact]
    public void CompletedEarlierMajor_NoVersionRecorded_False()
    {
        Assert.False(Completed(null, "2.0.0").CompletedEarlierMajor);
        Assert.False(Completed("1.0.0", null).CompletedEarlierMajor);
    }

    [Fact]
    public void CompletedEarlierMajor_NotCompleted_False() =>
        Assert.False((Completed("1.0.0", "2.0.0") with { Status = ModuleStatusForLearner.InProgress }).CompletedEarlierMajor);
}
