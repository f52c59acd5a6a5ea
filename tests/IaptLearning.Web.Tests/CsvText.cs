namespace IaptLearning.Web.Tests;

/// <summary>An export read back by the import's reader, which must find nothing malformed in it.</summary>
internal static class CsvText
{
    public static List<string[]> Parse(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var records = Csv.Read(text);
        Assert.All(records, r => Assert.Null(r.Error));
        Assert.Equal(Enumerable.Range(1, records.Count), records.Select(r => r.RowNumber));
        return [.. records.Select(r => r.Fields.ToArray())];
    }
}
