using System.Text;

namespace IaptLearning.Web.Features.Admin;

/// <summary>One record of a CSV file. Row numbers count records as a spreadsheet shows them: the header is row 1.</summary>
public sealed record CsvRecord(int RowNumber, IReadOnlyList<string> Fields, string? Error = null);

public sealed record CsvReadResult(IReadOnlyList<CsvRecord> Records, string? FileError)
{
    public static CsvReadResult Failed(string error) => new([], error);
}

/// <summary>
/// An RFC 4180 reader for uploaded staff lists: quoted fields, doubled quotes, commas and line
/// breaks inside quotes, CRLF, LF or CR line ends, and a UTF-8 byte order mark. A quote left open
/// is an error on the row where it opened (everything after it would be swallowed into one cell).
/// Blank lines are skipped but still counted, so row numbers match what a spreadsheet shows.
/// </summary>
public static class StaffCsvReader
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads at most <see cref="MaxBytes"/> (plus one, to tell a file that is too large).</summary>
    public static async Task<CsvReadResult> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return CsvReadResult.Failed(TooLarge);
            }
        }

        return Read(buffer.ToArray());
    }

    public static string TooLarge => $"The file must be smaller than {MaxBytes / (1024 * 1024)} MB. Split it into smaller files.";

    public static CsvReadResult Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > MaxBytes)
        {
            return CsvReadResult.Failed(TooLarge);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CsvReadResult.Failed("The file is not UTF-8 text. In your spreadsheet, save it as \"CSV UTF-8 (comma delimited)\".");
        }

        return Read(text);
    }

    public static CsvReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var row = 1;
        var i = 0;
        while (i <= text.Length)
        {
            // One field per pass; i is at the start of the field.
            if (i < text.Length && text[i] == '"')
            {
                var close = ReadQuoted(text, i + 1, field);
                if (close < 0)
                {
                    fields.Add(field.ToString());
                    records.Add(new CsvRecord(row, fields, "A quoted cell is not closed: a quote mark opens a cell on this row and nothing closes it, so the rest of the file cannot be read."));
                    return Finish(records);
                }

                i = close + 1;
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    // Text after a closing quote: the quotes are unbalanced. Report it, skip to the end of the line.
                    fields.Add(field.ToString());
                    field.Clear();
                    while (i < text.Length && text[i] is not ('\r' or '\n'))
                    {
                        i++;
                    }

                    records.Add(new CsvRecord(row, fields, "A quote mark in a cell is not doubled: put the whole cell in quotes and write each quote mark inside it twice (\"\")."));
                    fields = [];
                    if (i >= text.Length)
                    {
                        break;
                    }

                    i = SkipLineEnd(text, i);
                    row++;
                    continue;
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    field.Append(text[i]);
                    i++;
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            // End of a record (line end or end of text).
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                records.Add(new CsvRecord(row, fields));
            }

            fields = [];
            if (i >= text.Length)
            {
                break;
            }

            i = SkipLineEnd(text, i);
            row++;
            if (i >= text.Length)
            {
                break;
            }
        }

        return Finish(records);
    }

    private static CsvReadResult Finish(List<CsvRecord> records) =>
        records.Count - 1 > MaxRows
            ? CsvReadResult.Failed($"The file has {records.Count - 1:N0} rows of people; the limit is {MaxRows:N0}. Split it into smaller files.")
            : new CsvReadResult(records, null);

    /// <summary>Reads a quoted field's content from just after its opening quote; returns the index of the closing quote, or -1.</summary>
    private static int ReadQuoted(string text, int start, StringBuilder field)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                field.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else
            {
                return i;
            }
        }

        return -1;
    }

    private static int SkipLineEnd(string text, int i)
    {
        if (text[i] == '\r')
        {
            i++;
            return i < text.Length && text[i] == '\n' ? i + 1 : i;
        }

        return text[i] == '\n' ? i + 1 : i;
    }
}
