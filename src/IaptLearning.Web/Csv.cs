using System.Text;
using CsvHelper;

namespace IaptLearning.Web;

/// <summary>One record of a CSV file. Row numbers count records as a spreadsheet shows them: the first row is 1.</summary>
public sealed record CsvRecord(int RowNumber, IReadOnlyList<string> Fields, string? Error = null);

/// <summary>
/// CSV for spreadsheets: RFC 4180 quoting and formula neutralising for every export, and one reader
/// (CsvHelper) for uploads and for the tests that read the exports back.
/// </summary>
public static class Csv
{
    public const string UnclosedQuote = "A quoted cell is not closed: a quote mark opens a cell on this row and nothing closes it, so the rest of the file cannot be read.";

    public const string UndoubledQuote = "A quote mark in a cell is not doubled: put the whole cell in quotes and write each quote mark inside it twice (\"\").";

    private static readonly CsvReaderOptions ReaderOptions = new()
    {
        // Never guessed from the data: a list with semicolons in its names must not change the columns.
        Separator = ',',
        HasHeader = false,
        // Read as records, so that a blank line still counts as a spreadsheet row, then dropped below.
        SkipEmptyLines = false,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Recover,
    };

    /// <summary>
    /// A cell that a spreadsheet would read as a formula (OWASP "CSV injection") gets a leading
    /// apostrophe, then the cell is quoted if it holds a comma, quote or line break.
    /// </summary>
    public static string Cell(string? value)
    {
        value ??= "";

        // OWASP's list plus line feed and NUL (ASVS 5.0 1.2.10).
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '\0')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static void AppendRow(StringBuilder csv, IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    /// <summary>
    /// Reads every record: quoted cells may hold commas, doubled quotes and line breaks; CRLF, LF or
    /// CR line ends; a byte order mark is dropped. A quote inside an unquoted cell is text. Text after
    /// a closing quote is an error on that record, and a quote never closed is an error on the row
    /// where it opened (it swallows the rest of the file). Blank lines are skipped but still counted.
    /// </summary>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = ReaderOptions with { OnMalformedRecord = m => malformed.TryAdd(m.RecordNumber, m.Reason) };
        var records = new List<CsvRecord>();
        using var reader = CsvReader.FromText(text.StartsWith('\uFEFF') ? text[1..] : text, options);
        var row = 0;
        while (reader.Read())
        {
            row++;
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            if (fields is [""])
            {
                continue;
            }

            var error = malformed.GetValueOrDefault(row) switch
            {
                CsvMalformedReason.UnterminatedQuote => UnclosedQuote,
                CsvMalformedReason.TextAfterClosingQuote => UndoubledQuote,
                _ => null,
            };
            records.Add(new CsvRecord(row, fields, error));
        }

        return records;
    }
}
