using System.Text;

namespace IaptLearning.Web;

/// <summary>CSV for spreadsheets, shared by every export: RFC 4180 quoting and formula neutralising.</summary>
public static class Csv
{
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
}
