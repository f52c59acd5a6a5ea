using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

public sealed class ArabicShaperTests
{
    [Theory]
    // Mim initial, hah medial, mim medial, dal final (right-joining, so it only joins before).
    [InlineData("محمد", "\uFEE3\uFEA4\uFEE4\uFEAA")]
    // Seen initial, lam-alef final ligature, then mim isolated: alef never joins the next letter.
    [InlineData("سلام", "\uFEB3\uFEFC\uFEE1")]
    // Lam-alef on its own: isolated ligature.
    [InlineData("لا", "\uFEFB")]
    // Lam-alef with hamza above and below, and with madda.
    [InlineData("لأ", "\uFEF7")]
    [InlineData("لإ", "\uFEF9")]
    [InlineData("لآ", "\uFEF5")]
    // Right-joining letters after each other never join: dal, waw, reh isolated.
    [InlineData("دور", "\uFEA9\uFEED\uFEAD")]
    // Hamza never joins, so beh before it is isolated; teh marbuta after a dual-joining letter is final.
    [InlineData("بء", "\uFE8F\uFE80")]
    [InlineData("فاطمة", "\uFED3\uFE8E\uFEC3\uFEE4\uFE94")]
    public void Shape_Word_GivesPresentationForms(string word, string expected) =>
        Assert.Equal(expected, ArabicShaper.Shape(word));

    [Fact]
    public void Shape_Words_AreShapedSeparately() =>
        Assert.Equal("\uFEE3\uFEA4\uFEE4\uFEAA \uFEB3\uFEFC\uFEE1", ArabicShaper.Shape("محمد سلام"));

    [Fact]
    public void Shape_MarksBetweenLetters_DoNotBreakTheJoin() =>
        // Beh, fatha, teh: the fatha is transparent, so beh is initial and teh final.
        Assert.Equal("\uFE91\u064E\uFE96", ArabicShaper.Shape("بَت"));

    [Theory]
    [InlineData("Siân O'Brien-Nguyễn")]
    [InlineData("דוד כהן")]
    [InlineData("")]
    public void Shape_NoArabicLetters_Unchanged(string text) =>
        Assert.Equal(text, ArabicShaper.Shape(text));
}
