using IaptLearning.Web.Components.Shared;

namespace IaptLearning.Web.Tests.Components.Shared;

public class UkTimeDurationTests
{
    [Theory]
    [InlineData(150, "2 minutes 30 seconds")]
    [InlineData(90, "1 minute 30 seconds")]
    [InlineData(60, "1 minute")]
    [InlineData(1, "1 second")]
    [InlineData(0, "0 seconds")]
    [InlineData(3900, "1 hour 5 minutes")]
    [InlineData(7201, "2 hours 1 second")]
    public void Duration_WholeSeconds_ExactlyAsWritten(int seconds, string expected) =>
        Assert.Equal(expected, UkTime.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Duration_PartSecond_CountsAsASecond() =>
        Assert.Equal("8 seconds", UkTime.Duration(TimeSpan.FromSeconds(7.5)));

    [Fact]
    public void Duration_ShippedModules_LessonsAndAssessmentAddUpToTheModuleTotal()
    {
        foreach (var module in ShippedContent.PublishedModules())
        {
            var parts = module.Lessons.Select(l => l.Duration).Append(module.Assessment?.Duration ?? TimeSpan.Zero);
            var shown = parts.Sum(p => Seconds(UkTime.Duration(p)));
            Assert.Equal(Seconds(UkTime.Duration(module.Duration)), shown);
        }
    }

    private static int Seconds(string words)
    {
        var tokens = words.Split(' ');
        var total = 0;
        for (var i = 0; i + 1 < tokens.Length; i += 2)
        {
            var n = int.Parse(tokens[i], System.Globalization.CultureInfo.InvariantCulture);
            total += tokens[i + 1].StartsWith("hour", StringComparison.Ordinal) ? n * 3600
                : tokens[i + 1].StartsWith("minute", StringComparison.Ordinal) ? n * 60 : n;
        }

        return total;
    }
}
