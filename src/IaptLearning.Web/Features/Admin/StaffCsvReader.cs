using System.Text;

namespace IaptLearning.Web.Features.Admin;

public sealed record CsvReadResult(IReadOnlyList<CsvRecord> Records, string? FileError)
{
    public static CsvReadResult Failed(string error) => new([], error);
}

/// <summary>
/// An uploaded staff list: at most <see cref="MaxBytes"/> of UTF-8 and <see cref="MaxRows"/> people,
/// read by <see cref="Csv.Read"/> (so the header is row 1).
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
        var records = Csv.Read(text);
        return records.Count - 1 > MaxRows
            ? CsvReadResult.Failed($"The file has {records.Count - 1:N0} rows of people; the limit is {MaxRows:N0}. Split it into smaller files.")
            : new CsvReadResult(records, null);
    }
}
