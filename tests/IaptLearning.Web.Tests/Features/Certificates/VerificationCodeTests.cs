using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

public class VerificationCodeTests
{
    [Fact]
    public void New_Always_CarriesAtLeast128Bits()
    {
        var code = VerificationCode.New();

        Assert.Equal(VerificationCode.Length, code.Length);
        Assert.True(code.Length * Math.Log2(VerificationCode.Alphabet.Length) >= 128);
        Assert.All(code, c => Assert.Contains(c, VerificationCode.Alphabet));
    }

    [Fact]
    public void New_TenThousandCodes_AreAllDifferent()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => VerificationCode.New()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10_000, codes.Count);
    }

    [Fact]
    public void New_ManyCodes_UseTheWholeAlphabet()
    {
        var symbols = Enumerable.Range(0, 200).SelectMany(_ => VerificationCode.New()).ToHashSet();

        Assert.Equal(VerificationCode.Alphabet.Length, symbols.Count);
    }

    [Fact]
    public void Format_Code_GroupsOfFourThatNormaliseBack()
    {
        var code = VerificationCode.New();

        var printed = VerificationCode.Format(code);

        Assert.Matches("^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$", printed);
        Assert.True(VerificationCode.TryNormalise(printed, out var back));
        Assert.Equal(code, back);
    }

    [Theory]
    [InlineData("7k3m-9qxp-abcd-efgh-0123-4567-89jk")]
    [InlineData(" 7K3M 9QXP ABCD EFGH 0123 4567 89JK ")]
    [InlineData("7K3M9QXPABCDEFGHO123456789JK")]
    [InlineData("7K3M9QXPABCDEFGH0l23456789JK")]
    [InlineData("7K3M9QXPABCDEFGH0I23456789JK")]
    public void TryNormalise_TypedFromPaper_GivesCanonicalCode(string input)
    {
        Assert.True(VerificationCode.TryNormalise(input, out var code));
        Assert.Equal("7K3M9QXPABCDEFGH0123456789JK", code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7K3M9QXPABCDEFGH0123456789J")]
    [InlineData("7K3M9QXPABCDEFGH0123456789JKK")]
    [InlineData("7K3M9QXPABCDEFGH0123456789JU")]
    [InlineData("7K3M9QXPABCDEFGH0123456789J!")]
    [InlineData("7K3M9QXPABCDEFGH0123456789J%")]
    [InlineData("7K3M9QXP/BCDEFGH0123456789JK")]
    [InlineData("7K3M9QXPABCDEFGH0123456789Jé")]
    [InlineData("' OR 1=1 --")]
    public void TryNormalise_Malformed_Rejected(string? input)
    {
        Assert.False(VerificationCode.TryNormalise(input, out var code));
        Assert.Equal(string.Empty, code);
    }

    [Fact]
    public void TryNormalise_Oversized_RejectedBeforeReading()
    {
        var huge = new string('-', 1_000_000) + "7K3M9QXPABCDEFGH0123456789JK";

        Assert.False(VerificationCode.TryNormalise(huge, out _));
        Assert.False(VerificationCode.TryNormalise(new string('-', VerificationCode.MaxInputLength + 1), out _));
    }
}
