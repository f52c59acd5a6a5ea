using System.Text;

namespace IaptLearning.Web.Tests;

/// <summary>An RFC 4180 reader, independent of the writer it checks: quoted fields may hold commas, quotes and line breaks.</summary>
internal static class CsvText
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                Assert.False(c is '"' or '\r' or '\n', $"Unquoted {(int)c} at {i}: not RFC 4180");
                cell.Append(c);
            }
        }

        Assert.False(quoted, "A quoted field never closed.");
        Assert.True(cell.Length == 0 && row.Count == 0, "The last row did not end with CRLF.");
        return rows;
    }
}
