using System.Globalization;
using System.Net.Mail;
using IaptLearning.Web.Data;

namespace IaptLearning.Web.Features.Admin;

/// <summary>A team an import may name, within the organisation being imported into.</summary>
public sealed record ImportTeam(int Id, string ServiceName, string TeamName)
{
    public string Label => $"{ServiceName} / {TeamName}";
}

/// <summary>One person's row of the file as read, what it resolved to, and everything wrong with it.</summary>
public sealed class StaffImportRow
{
    public int RowNumber { get; init; }
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
    public string JobRoleText { get; init; } = "";
    public string TeamText { get; init; } = "";
    public string EmployeeNumber { get; init; } = "";
    public JobRole? JobRole { get; set; }
    public ImportTeam? Team { get; set; }
    public List<string> Errors { get; } = [];
    public bool IsValid => Errors.Count == 0;
}

public sealed record StaffImportPreview(IReadOnlyList<StaffImportRow> Rows, IReadOnlyList<string> FileErrors)
{
    public int ErrorRowCount => Rows.Count(r => !r.IsValid);
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.IsValid);
}

/// <summary>
/// Checks an uploaded staff list row by row. Every problem is reported with its row number; nothing
/// is imported unless there are none. People who already have an account are an error, not an
/// update: an import only adds people (change existing people on their own page), so a file
/// cannot quietly move or rename anyone.
/// </summary>
public static class StaffImportValidator
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxEmployeeNumberLength = 30;

    private enum Column { Name, Email, JobRole, Team, EmployeeNumber }

    private static readonly Dictionary<string, Column> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = Column.Name,
        ["full name"] = Column.Name,
        ["email"] = Column.Email,
        ["email address"] = Column.Email,
        ["job role"] = Column.JobRole,
        ["team"] = Column.Team,
        ["employee number"] = Column.EmployeeNumber,
        ["assignment number"] = Column.EmployeeNumber,
        ["esr number"] = Column.EmployeeNumber,
    };

    public static string ColumnsHelp => "name, email, job role, team and, if you hold them, employee number";

    /// <summary>The display name ("High-intensity therapist") or the enum name ("HighIntensityTherapist"), any case.</summary>
    public static JobRole? ParseJobRole(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        foreach (var (role, name) in JobRoles.All)
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(role.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        return null;
    }

    public static bool IsValidEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.Length is 0 or > MaxEmailLength || email.Any(char.IsWhiteSpace) || email.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        // MailAddress accepts display names and comments; insist the text is exactly one bare address with a dotted domain.
        return MailAddress.TryCreate(email, out var parsed)
            && string.Equals(parsed.Address, email, StringComparison.Ordinal)
            && parsed.Host.Contains('.', StringComparison.Ordinal)
            && !parsed.Host.StartsWith('.') && !parsed.Host.EndsWith('.');
    }

    /// <summary>Checks everything the file alone can tell; then <see cref="MarkExistingAccounts"/> adds what the database knows.</summary>
    /// <param name="records">The reader's records, header first.</param>
    /// <param name="teams">The organisation's teams.</param>
    public static StaffImportPreview Validate(IReadOnlyList<CsvRecord> records, IReadOnlyList<ImportTeam> teams)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(teams);
        if (records.Count == 0)
        {
            return new([], ["The file is empty. The first row must name the columns: " + ColumnsHelp + "."]);
        }

        var header = records[0];
        var (columns, headerErrors) = ReadHeader(header);
        if (headerErrors.Count > 0)
        {
            return new([], headerErrors);
        }

        if (records.Count == 1)
        {
            return new([], ["The file has a header row but no people in it."]);
        }

        var rows = new List<StaffImportRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            string Cell(Column c) => columns.TryGetValue(c, out var index) && index < record.Fields.Count ? record.Fields[index].Trim() : "";
            var row = new StaffImportRow
            {
                RowNumber = record.RowNumber,
                Name = Cell(Column.Name),
                Email = Cell(Column.Email),
                JobRoleText = Cell(Column.JobRole),
                TeamText = Cell(Column.Team),
                EmployeeNumber = Cell(Column.EmployeeNumber),
            };
            rows.Add(row);
            if (record.Error is not null)
            {
                row.Errors.Add(record.Error);
                continue;
            }

            if (record.Fields.Count != header.Fields.Count)
            {
                row.Errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"This row has {record.Fields.Count} {(record.Fields.Count == 1 ? "cell" : "cells")} but the header has {header.Fields.Count}. Check for a missing or extra comma, or a cell with a comma that is not in quotes."));
            }

            CheckRow(row, teams);
        }

        CheckDuplicates(rows);
        return new(rows, []);
    }

    /// <summary>The well-formed emails to look up before <see cref="MarkExistingAccounts"/>.</summary>
    public static IEnumerable<string> EmailsToLookUp(StaffImportPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return preview.Rows.Select(r => r.Email).Where(IsValidEmail).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    // taken: the file's emails that already have an account (compared ignoring case).
    public static void MarkExistingAccounts(StaffImportPreview preview, IReadOnlySet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(taken);
        var set = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        foreach (var row in preview.Rows.Where(r => set.Contains(r.Email)))
        {
            row.Errors.Add($"{row.Email} already has an account. An import only adds new people: change existing people on their own page.");
        }
    }

    private static (Dictionary<Column, int> Columns, List<string> Errors) ReadHeader(CsvRecord header)
    {
        var columns = new Dictionary<Column, int>();
        var errors = new List<string>();
        if (header.Error is not null)
        {
            errors.Add("Row 1 (the header): " + header.Error);
            return (columns, errors);
        }

        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = string.Join(' ', header.Fields[i].Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));
            if (!HeaderNames.TryGetValue(name, out var column))
            {
                errors.Add($"Row 1 (the header) has a column called \"{header.Fields[i]}\", which is not one we know. The columns are {ColumnsHelp}.");
            }
            else if (!columns.TryAdd(column, i))
            {
                errors.Add($"Row 1 (the header) has the column \"{header.Fields[i]}\" more than once.");
            }
        }

        foreach (var (column, name) in new[] { (Column.Name, "name"), (Column.Email, "email"), (Column.JobRole, "job role"), (Column.Team, "team") })
        {
            if (!columns.ContainsKey(column))
            {
                errors.Add($"Row 1 (the header) has no \"{name}\" column. The first row must name the columns: {ColumnsHelp}.");
            }
        }

        return (columns, errors);
    }

    private static void CheckRow(StaffImportRow row, IReadOnlyList<ImportTeam> teams)
    {
        if (row.Name.Length == 0)
        {
            row.Errors.Add("Name is missing.");
        }
        else if (row.Name.Length > MaxNameLength)
        {
            row.Errors.Add($"Name is longer than {MaxNameLength} characters.");
        }

        if (row.Email.Length == 0)
        {
            row.Errors.Add("Email is missing.");
        }
        else if (!IsValidEmail(row.Email))
        {
            row.Errors.Add($"\"{row.Email}\" is not a valid email address. Write it like name@example.nhs.uk.");
        }

        if (row.JobRoleText.Length == 0)
        {
            row.Errors.Add("Job role is missing. Use one of: " + string.Join("; ", JobRoles.All.Select(r => r.Name)) + ".");
        }
        else if (ParseJobRole(row.JobRoleText) is { } role)
        {
            row.JobRole = role;
        }
        else
        {
            row.Errors.Add($"\"{row.JobRoleText}\" is not a job role we know. Use one of: " + string.Join("; ", JobRoles.All.Select(r => r.Name)) + ".");
        }

        if (row.TeamText.Length == 0)
        {
            row.Errors.Add("Team is missing. Write it as \"Service name / Team name\".");
        }
        else
        {
            ResolveTeam(row, teams);
        }

        if (row.EmployeeNumber.Length > MaxEmployeeNumberLength)
        {
            row.Errors.Add($"Employee number is longer than {MaxEmployeeNumberLength} characters.");
        }
    }

    private static void ResolveTeam(StaffImportRow row, IReadOnlyList<ImportTeam> teams)
    {
        var slash = row.TeamText.LastIndexOf('/');
        if (slash >= 0)
        {
            var service = row.TeamText[..slash].Trim();
            var team = row.TeamText[(slash + 1)..].Trim();
            row.Team = teams.FirstOrDefault(t => string.Equals(t.ServiceName, service, StringComparison.OrdinalIgnoreCase) && string.Equals(t.TeamName, team, StringComparison.OrdinalIgnoreCase));
            if (row.Team is null)
            {
                row.Errors.Add($"There is no team \"{team}\" in a service called \"{service}\" in this organisation.");
            }

            return;
        }

        var matches = teams.Where(t => string.Equals(t.TeamName, row.TeamText, StringComparison.OrdinalIgnoreCase)).ToList();
        switch (matches.Count)
        {
            case 1:
                row.Team = matches[0];
                break;
            case 0:
                row.Errors.Add($"There is no team called \"{row.TeamText}\" in this organisation. Write it as \"Service name / Team name\".");
                break;
            default:
                row.Errors.Add($"More than one service has a team called \"{row.TeamText}\": " + string.Join("; ", matches.Select(m => m.Label)) + ". Write it as \"Service name / Team name\".");
                break;
        }
    }

    private static void CheckDuplicates(List<StaffImportRow> rows)
    {
        foreach (var group in rows.Where(r => r.Email.Length > 0).GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var row in group)
            {
                var others = group.Where(r => r != row).Select(r => r.RowNumber.ToString(CultureInfo.InvariantCulture));
                row.Errors.Add($"{row.Email} is also on row {string.Join(", ", others)}: each person must appear once.");
            }
        }
    }
}
