using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

public sealed class BidiTextTests
{
    [Theory]
    [InlineData("דוד כהן", true)]
    [InlineData("123 דוד", true)]
    [InlineData("Dr דוד", false)]
    [InlineData("Siân", false)]
    [InlineData("", false)]
    public void IsRightToLeft_FirstStrongCharacter_Decides(string text, bool expected) =>
        Assert.Equal(expected, BidiText.IsRightToLeft(text));

    [Theory]
    // Wholly right-to-left: reversed, spaces included.
    [InlineData("דוד כהן", true, "ןהכ דוד")]
    // Right-to-left paragraph with a Latin run: the Latin run keeps its order, the runs swap.
    [InlineData("דוד Smith", true, "Smith דוד")]
    // Digits stay in logical order.
    [InlineData("דוד 123", true, "123 דוד")]
    // Left-to-right paragraph with a Hebrew run: only that run is reversed.
    [InlineData("Dr דוד כהן, MD", false, "Dr ןהכ דוד, MD")]
    // Brackets in a right-to-left run are mirrored.
    [InlineData("דוד (כהן)", true, "(ןהכ) דוד")]
    [InlineData("Siân O'Brien-Nguyễn", false, "Siân O'Brien-Nguyễn")]
    public void ToVisual_Line_GivesVisualOrder(string line, bool rightToLeft, string expected) =>
        Assert.Equal(expected, BidiText.ToVisual(line, rightToLeft));

    [Fact]
    public void ToVisual_HebrewWithPoints_KeepsEachMarkAfterItsLetter() =>
        // Shin with a dot stays one unit: "שָׁלוֹם" reversed by letter, not by code point.
        Assert.Equal("ם" + "ו\u05B9" + "ל" + "ש\u05C1\u05B8", BidiText.ToVisual("ש\u05C1\u05B8לו\u05B9ם", rightToLeftParagraph: true));
}
