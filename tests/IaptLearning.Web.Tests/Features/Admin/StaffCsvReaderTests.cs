using System.Text;
using IaptLearning.Web.Features.Admin;

namespace IaptLearning.Web.Tests.Features.Admin;

public class StaffCsvReaderTests
{
    private static IReadOnlyList<CsvRecord> Records(string text)
    {
        var result = StaffCsvReader.Read(text);
        Assert.Null(result.FileError);
        return result.Records;
    }

    [Fact]
    public void Read_PlainRows_SplitsOnCommasAndNumbersRowsFromTheHeader()
    {
        var records = Records("name,email\nAlex,alex@example.nhs.uk\nSam,sam@example.nhs.uk\n");

        Assert.Equal([1, 2, 3], records.Select(r => r.RowNumber));
        Assert.Equal(["Sam", "sam@example.nhs.uk"], records[2].Fields);
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasDoubledQuotesAndLineBreaks_KeepsThemInOneCell()
    {
        var records = Records("name,note\r\n\"Smith, Jo\",\"She said \"\"hi\"\"\r\nthen left\"\r\nNext,x\r\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["Smith, Jo", "She said \"hi\"\r\nthen left"], records[1].Fields);
        // A line break inside quotes is one spreadsheet row, so the next record is row 3.
        Assert.Equal(3, records[2].RowNumber);
        Assert.Equal(["Next", "x"], records[2].Fields);
    }

    [Theory]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\rc,d")]
    [InlineData("\uFEFFa,b\nc,d")]
    public void Read_AnyLineEndingOrByteOrderMark_ReadsTheSameRecords(string text)
    {
        var records = Records(text);

        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["c", "d"], records[1].Fields);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void Read_Utf8BytesWithBom_DecodesAccentsAndDropsTheMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name\nZoë Ó'Brien\n")).ToArray();

        var result = StaffCsvReader.Read(bytes);

        Assert.Equal("name", result.Records[0].Fields[0]);
        Assert.Equal("Zoë Ó'Brien", result.Records[1].Fields[0]);
    }

    [Fact]
    public void Read_NotUtf8_IsAFileError()
    {
        var result = StaffCsvReader.Read([(byte)'n', 0xE9, (byte)'\n']);

        Assert.Contains("not UTF-8", result.FileError);
    }

    [Fact]
    public void Read_BlankLines_AreSkippedButStillCounted()
    {
        var records = Records("name\n\nAlex\n\n\nSam\n");

        Assert.Equal([1, 3, 6], records.Select(r => r.RowNumber));
    }

    [Fact]
    public void Read_EmptyTrailingCell_IsKept()
    {
        var records = Records("a,b,\n");

        Assert.Equal(["a", "b", ""], records[0].Fields);
    }

    [Fact]
    public void Read_QuoteNeverClosed_IsAnErrorOnTheRowWhereItOpened()
    {
        var records = Records("name,email\nAlex,alex@example.nhs.uk\n\"Sam,sam@example.nhs.uk\nJo,jo@example.nhs.uk\n");

        var last = records[^1];
        Assert.Equal(3, last.RowNumber);
        Assert.Contains("not closed", last.Error);
        Assert.Null(records[1].Error);
    }

    [Fact]
    public void Read_TextAfterAClosingQuote_IsAnErrorOnThatRowAndReadingGoesOn()
    {
        var records = Records("name,email\n\"Sam\"x,sam@example.nhs.uk\nJo,jo@example.nhs.uk\n");

        Assert.Equal(2, records[1].RowNumber);
        Assert.Contains("not doubled", records[1].Error);
        Assert.Equal(3, records[2].RowNumber);
        Assert.Null(records[2].Error);
        Assert.Equal(["Jo", "jo@example.nhs.uk"], records[2].Fields);
    }

    [Fact]
    public void Read_BadQuoteAfterBlankLinesAndAMultiLineCell_IsReportedOnItsOwnRow()
    {
        var records = Records("name,note\n\n\"Jo\",\"two\nlines\"\n\n\"Sam\"x,y\nAl,z\n");

        Assert.Equal([1, 3, 5, 6], records.Select(r => r.RowNumber));
        Assert.Equal([null, null, Csv.UndoubledQuote, null], records.Select(r => r.Error));
    }

    [Fact]
    public void Read_Semicolons_AreNotTakenAsTheSeparator()
    {
        // The library guesses the separator unless told; a guess would split these names differently.
        var records = Records("name;email\nAlex;alex@example.nhs.uk\n");

        Assert.Equal(["Alex;alex@example.nhs.uk"], records[1].Fields);
    }

    [Fact]
    public void Read_QuoteInsideAnUnquotedCell_IsKeptAsText()
    {
        var records = Records("name\nJo \"JJ\" Smith\n");

        Assert.Equal("Jo \"JJ\" Smith", records[1].Fields[0]);
    }

    [Fact]
    public void Read_MoreRowsThanTheLimit_IsAFileErrorNamingTheLimit()
    {
        var text = "name\n" + string.Concat(Enumerable.Repeat("x\n", StaffCsvReader.MaxRows + 1));

        var result = StaffCsvReader.Read(text);

        Assert.Contains("5,000", result.FileError);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Read_ExactlyTheRowLimit_IsAccepted()
    {
        var text = "name\n" + string.Concat(Enumerable.Repeat("x\n", StaffCsvReader.MaxRows));

        Assert.Null(StaffCsvReader.Read(text).FileError);
    }

    [Fact]
    public async Task ReadAsync_FileLargerThanTheLimit_IsAFileErrorWithoutReadingItAll()
    {
        using var stream = new MemoryStream(new byte[StaffCsvReader.MaxBytes + 10]);

        var result = await StaffCsvReader.ReadAsync(stream);

        Assert.Contains("2 MB", result.FileError);
    }

    [Fact]
    public void Read_EmptyFile_HasNoRecords()
    {
        Assert.Empty(Records(""));
    }
}
