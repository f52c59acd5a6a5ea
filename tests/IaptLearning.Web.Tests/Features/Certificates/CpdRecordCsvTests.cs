using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

public class CpdRecordCsvTests
{
    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\0x", "'\0x")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("=1+2\";=1+2", "\"'=1+2\"\";=1+2\"")]
    [InlineData("plain", "plain")]
    [InlineData("O'Brien", "O'Brien")]
    public void Cell_FormulaLikeStart_IsNeutralised(string value, string expected) =>
        Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void Cell_LineBreakStart_IsNeutralisedAndQuoted()
    {
        Assert.Equal("\"'\rx\"", Csv.Cell("\rx"));
        Assert.Equal("\"'\nx\"", Csv.Cell("\nx"));
    }

    [Fact]
    public void Write_SpecialCharacters_RoundTrip()
    {
        string[] awkward =
        [
            "Siân O'Brien-Nguyễn, said \"hello\"",
            "line one\nline two\r\nline three",
            "commas, everywhere, ,",
            "\"quoted\"",
        ];
        var entry = new CpdEntry(1, "sample-module", awkward[0], "1.0.0", new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc), 90,
            TimeSpan.FromMinutes(75), 85, "IAPT-000001", "https://example/verify/X", false, awkward[1], awkward[2] + awkward[3]);

        var rows = CsvText.Parse(CpdRecordCsv.Write([entry]));

        Assert.Equal(2, rows.Count);
        Assert.Equal(CpdRecordCsv.Headers, rows[0]);
        var row = rows[1];
        Assert.Equal("02/07/2026", row[0]); // 23:30 UTC in July is the next day in London.
        Assert.Equal(awkward[0], row[1]);
        Assert.Equal("90", row[3]);
        Assert.Equal("75", row[4]);
        Assert.Equal("85", row[5]);
        Assert.Equal(awkward[1], row[8]);
        Assert.Equal(awkward[2] + awkward[3], row[9]);
    }
}
