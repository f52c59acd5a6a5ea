using System.Globalization;
using System.Text;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Features.Records;

namespace IaptLearning.Web.Features.Reports;

/// <summary>
/// The records table as CSV for an ESR administrator, written row by row as the database returns
/// them: memory stays flat however many rows there are.
/// </summary>
public static class RecordsCsv
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Employee number", "Full name", "Email", "Service", "Team", "Job role", "Module", "Module version",
        "Status", "Due date", "New starter joined", "Completion date", "Score", "Certificate number", "Minimum-time exemption",
    ];

    private const int FlushEvery = 500;

    public static string FileName(DateTime nowUtc) => $"training-records-{UkTime.ToLondon(nowUtc):yyyy-MM-dd}.csv";

    /// <summary>Writes the header and every row (UTF-8 with a byte order mark, so Excel reads accents); returns the number of rows.</summary>
    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<RecordRow> rows, Func<string, string> moduleTitle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(moduleTitle);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        var line = new StringBuilder(512);
        Csv.AppendRow(line, Headers);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            Csv.AppendRow(line, Cells(row, moduleTitle));
            count++;
            if (count % FlushEvery == 0)
            {
                await writer.WriteAsync(line, cancellationToken);
                line.Clear();
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.WriteAsync(line, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    public static IEnumerable<string?> Cells(RecordRow row, Func<string, string> moduleTitle)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(moduleTitle);
        return
        [
            row.EmployeeNumber,
            row.FullName,
            row.Email,
            row.ServiceName,
            row.TeamName,
            row.JobRole is null ? null : ReportText.JobRole(row.JobRole),
            moduleTitle(row.ModuleSlug),
            row.ModuleVersion,
            RecordStatuses.Name(row.Status),
            row.DueAtUtc is { } due ? Date(UkTime.DayEndingAt(due)) : null,
            // Set only when the due date is a new starter's: joining plus the assignment's days.
            row.DueAtUtc is not null && row.NewStarterJoinedAtUtc is { } joined ? Date(UkTime.Today(joined)) : null,
            row.CompletedAtUtc is { } completed ? Date(UkTime.Today(completed)) : null,
            row.Score?.ToString(CultureInfo.InvariantCulture),
            row.CertificateNumber,
            row.MinTimeExempt ? "Yes" : "No",
        ];
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
