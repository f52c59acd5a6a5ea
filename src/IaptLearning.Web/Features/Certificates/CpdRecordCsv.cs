using System.Globalization;
using System.Text;
using IaptLearning.Web.Components.Shared;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>The CPD record as CSV (RFC 4180), safe to open in a spreadsheet.</summary>
public static class CpdRecordCsv
{
    public static readonly string[] Headers =
    [
        "Date completed", "Module", "Version", "CPD minutes", "Active minutes", "Score (%)",
        "Certificate number", "Verification address", "What I learned", "How it will change my practice",
    ];

    public static string Write(IEnumerable<CpdEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder();
        AppendRow(csv, Headers);
        foreach (var e in entries)
        {
            AppendRow(csv,
            [
                UkTime.ToLondon(e.CompletedAtUtc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                e.ModuleTitle,
                e.ModuleVersion,
                e.CpdMinutes.ToString(CultureInfo.InvariantCulture),
                ((int)e.ActiveTime.TotalMinutes).ToString(CultureInfo.InvariantCulture),
                e.ScorePercent?.ToString(CultureInfo.InvariantCulture) ?? "",
                e.CertificateNumber ?? "",
                e.VerificationUrl ?? "",
                e.WhatILearned,
                e.HowItWillChangeMyPractice,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>
    /// A cell that a spreadsheet would read as a formula (OWASP "CSV injection") gets a leading
    /// apostrophe, then the cell is quoted if it holds a comma, quote or line break.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // OWASP's list plus line feed and NUL (ASVS 5.0 1.2.10). Number columns are never negative, so none is touched.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '\0')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }
}
