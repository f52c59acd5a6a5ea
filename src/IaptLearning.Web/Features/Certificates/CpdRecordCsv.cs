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
        Csv.AppendRow(csv, Headers);
        foreach (var e in entries)
        {
            Csv.AppendRow(csv,
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
}
