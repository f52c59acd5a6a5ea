namespace IaptLearning.Web.Tests;

public class TextLimitsTests
{
    [Theory]
    [InlineData("abc", 3, false, "abc")]
    [InlineData("abcd", 3, false, "abc")]
    [InlineData("abc", 3, true, "abc")]
    [InlineData("abcd", 3, true, "ab…")]
    [InlineData("", 0, true, "")]
    public void Truncate_FitsTheLength(string text, int length, bool ellipsis, string expected) =>
        Assert.Equal(expected, TextLimits.Truncate(text, length, ellipsis));
}
