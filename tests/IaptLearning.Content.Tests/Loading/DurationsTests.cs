using IaptLearning.Content.Loading;

namespace IaptLearning.Content.Tests.Loading;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("4m", 240)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2m30s", 150)]
    [InlineData("1h0m5s", 3605)]
    [InlineData(" 4m ", 240)]
    public void TryParse_AuthorFormats_Parses(string text, int seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("4 m")]
    [InlineData("30s2m")]
    [InlineData("4min")]
    [InlineData("1.5h")]
    [InlineData("-4m")]
    [InlineData("25h")]
    [InlineData("99999999999999999999h")]
    [InlineData(null)]
    public void TryParse_OtherText_IsRejected(string? text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Theory]
    [InlineData(150, "2m30s")]
    [InlineData(5400, "1h30m")]
    [InlineData(0, "0s")]
    public void Format_WritesAuthorFormat(int seconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));
    }
}
