using System.Globalization;
using System.Security.Claims;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Assignments;

public enum TargetKind
{
    Team,
    Service,
    JobRoleInService,
    JobRoleInTeam,
    Person,
}

/// <summary>The new-assignment form as typed: every id is text, because a changed form can send anything.</summary>
public sealed class AssignmentRequest
{
    public string? ModuleSlug { get; set; }
    public TargetKind? Kind { get; set; }
    public string? TeamId { get; set; }
    public string? ServiceId { get; set; }
    public string? JobRole { get; set; }
    public string? PersonUserId { get; set; }
    public string? DueDay { get; set; }
    public string? DueMonth { get; set; }
    public string? DueYear { get; set; }
    public string? ValidityMonths { get; set; }

    /// <summary>For a group: the days someone who joins later has, from joining; filled in with the default.</summary>
    public string? NewStarterDays { get; set; } = Assignment.DefaultNewStarterDays.ToString(CultureInfo.InvariantCulture);

    /// <summary>The manager has seen that some of these people already have the module assigned, and assigns it anyway.</summary>
    public bool OverlapConfirmed { get; set; }
}

public sealed record CreateAssignmentResult(Assignment? Created, IReadOnlyList<FieldError> Errors, DateParts DueDateParts = DateParts.None, string? Overlap = null)
{
    public bool Succeeded => Created is not null;
}

/// <summary>One row of the assignments list.</summary>
/// <remarks><see cref="NewStarterDays"/> is null for a personal assignment, whose date is the person's own.</remarks>
public sealed record AssignmentRow(long Id, string ModuleSlug, string ModuleTitle, string Target, DateOnly DueDate, int? ValidityMonths, int People, int Overdue, int ExpiringSoon, DateTime CreatedAtUtc, int? NewStarterDays = null);

/// <summary>A person found by the target search.</summary>
public sealed record PersonOption(string Id, string Name, string? Email, string? TeamName);

/// <summary>
/// Creating, listing and withdrawing assignments, each checking on the server, at the time, that
/// the target lies in the caller's scope; then refreshing the records of everyone touched.
/// </summary>
public sealed class AssignmentService(IDbContextFactory<AppDbContext> factory, ModuleLibrary library, TimeProvider time)
{
    public const int MinValidityMonths = 1;
    public const int MaxValidityMonths = 60;

    public static class Fields
    {
        public const string Module = "module";
        public const string Kind = "kind-Team";
        public const string Team = "team";
        public const string Service = "service";
        public const string JobRole = "job-role";
        public const string Person = "person-search";
        public const string DueDate = "due-day";
        public const string Validity = "validity";
        public const string NewStarterDays = "new-starter-days";
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<List<AssignmentRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var targets = await ManagedTargets.ForAsync(db, user, cancellationToken);
        if (targets.Staff.IsEmpty)
        {
            return [];
        }

        var live = await db.Assignments.AsNoTracking().Where(a => a.RemovedAtUtc == null)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var names = await TargetNames.ReadAsync(db, live, cancellationToken);
        var now = Now;
        var rows = new List<AssignmentRow>();
        foreach (var a in live)
        {
            if (!await targets.CoversAsync(db, a, cancellationToken))
            {
                continue;
            }

            var people = targets.Staff.Apply(db.Users).Select(u => u.Id).Intersect(ModuleRecords.PeopleTouchedBy(db, a));
            var count = await people.CountAsync(cancellationToken);
            var records = db.ModuleRecords.Where(r => r.ModuleSlug == a.ModuleSlug && people.Contains(r.UserId));
            var overdue = await records.Where(RecordStatuses.Is(RecordStatus.Overdue, now)).CountAsync(cancellationToken);
            var soon = now + RecordStatuses.ExpiringWindow;
            var expiring = await records.CountAsync(r => r.ExpiresAtUtc > now && r.ExpiresAtUtc <= soon, cancellationToken);
            rows.Add(new AssignmentRow(a.Id, a.ModuleSlug, library.Find(a.ModuleSlug)?.Title ?? a.ModuleSlug, names.Describe(a), a.DueDate, a.ValidityMonths, count, overdue, expiring, a.CreatedAtUtc,
                a.UserId is null ? a.NewStarterDays : null));
        }

        return rows;
    }

    /// <summary>The teams and whole services the form offers.</summary>
    public async Task<(List<TeamOption> Teams, List<ServiceOption> Services)> TargetOptionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var targets = await ManagedTargets.ForAsync(db, user, cancellationToken);
        return (await targets.TeamsAsync(db, cancellationToken), await targets.ServicesAsync(db, cancellationToken));
    }

    public async Task<List<PersonOption>> SearchPeopleAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default)
    {
        var query = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(query))
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = await StaffScope.ForAsync(db, user, cancellationToken);
        // ToLower() becomes SQL lower(), the same on SQLite and PostgreSQL; the analysers' culture advice does not apply to SQL.
#pragma warning disable CA1304, CA1311, CA1862
        return await scope.Apply(db.Users.AsNoTracking())
            .Where(u => u.DeactivatedAtUtc == null)
            .Where(u => (u.FullName != null && u.FullName.ToLower().Contains(query)) || (u.Email != null && u.Email.ToLower().Contains(query)))
#pragma warning restore CA1304, CA1311, CA1862
            .OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Take(20)
            .Select(u => new PersonOption(u.Id, u.FullName ?? u.Email ?? u.Id, u.Email, u.Team == null ? null : u.Team.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Null when none of these people has the module assigned already; otherwise what the manager is
    /// asked to confirm. Read from the records, which every assignment keeps up to date.
    /// </summary>
    private static async Task<string?> OverlapAsync(AppDbContext db, string moduleSlug, string moduleTitle, List<string> people, CancellationToken cancellationToken)
    {
        var covered = await db.ModuleRecords.AsNoTracking()
            .Where(r => r.ModuleSlug == moduleSlug && r.IsAssigned && people.Contains(r.UserId))
            .Select(r => r.DueAtUtc)
            .ToListAsync(cancellationToken);
        if (covered.Count == 0)
        {
            return null;
        }

        var who = covered.Count == people.Count
            ? (people.Count == 1 ? "This person already has" : $"All {people.Count} of these people already have")
            : $"{covered.Count} of these {people.Count} people already {(covered.Count == 1 ? "has" : "have")}";
        var earliest = covered.Min();
        return $"{who} {moduleTitle} assigned through another assignment" +
            (earliest is { } due ? $", due by {UkTime.Date(UkTime.DayEndingAt(due))} at the earliest" : "") +
            ". Each person's earliest due date applies, so a later date here changes nothing for them. Assign it anyway, or change who or when.";
    }

    public async Task<CreateAssignmentResult> CreateAsync(ClaimsPrincipal user, AssignmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var targets = await ManagedTargets.ForAsync(db, user, cancellationToken);
        var errors = new List<FieldError>();

        var module = library.Find(request.ModuleSlug);
        if (module is null)
        {
            errors.Add(new(Fields.Module, string.IsNullOrEmpty(request.ModuleSlug) ? "Select a module" : "Select a published module"));
        }

        var assignment = new Assignment { ModuleSlug = module?.Slug ?? "", CreatedByUserId = user.UserId() ?? "", CreatedAtUtc = now };
        await ReadTargetAsync(db, targets, request, assignment, errors, cancellationToken);

        var due = DateInput.DueDate(request.DueDay, request.DueMonth, request.DueYear, UkTime.Today(now));
        if (due.Error is { } dueError)
        {
            errors.Add(new(Fields.DueDate, dueError));
        }

        assignment.DueDate = due.Value ?? default;
        if (!string.IsNullOrWhiteSpace(request.ValidityMonths))
        {
            if (int.TryParse(request.ValidityMonths.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var months)
                && months is >= MinValidityMonths and <= MaxValidityMonths)
            {
                assignment.ValidityMonths = months;
            }
            else
            {
                errors.Add(new(Fields.Validity, $"Validity must be a whole number of months from {MinValidityMonths} to {MaxValidityMonths}"));
            }
        }

        // A personal assignment's date is the person's own; a group's new starters get days from joining.
        if (request.Kind is not TargetKind.Person)
        {
            if (int.TryParse(request.NewStarterDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                && days is >= 1 and <= Assignment.MaxNewStarterDays)
            {
                assignment.NewStarterDays = days;
            }
            else
            {
                errors.Add(new(Fields.NewStarterDays, string.IsNullOrWhiteSpace(request.NewStarterDays)
                    ? "Enter how many days new starters have"
                    : $"New starters' days must be a whole number from 1 to {Assignment.MaxNewStarterDays}"));
            }
        }

        if (errors.Count > 0 || targets.Staff.IsEmpty)
        {
            if (errors.Count == 0)
            {
                errors.Add(new(Fields.Kind, "You do not manage any teams, so you cannot assign modules"));
            }

            return new CreateAssignmentResult(null, errors, due.ErrorParts);
        }

        var people = await ModuleRecords.PeopleTouchedBy(db, assignment).ToListAsync(cancellationToken);
        if (!request.OverlapConfirmed && await OverlapAsync(db, assignment.ModuleSlug, module!.Title, people, cancellationToken) is { } overlap)
        {
            return new CreateAssignmentResult(null, [], Overlap: overlap);
        }

        db.Assignments.Add(assignment);
        var names = await TargetNames.ReadAsync(db, [assignment], cancellationToken);
        var target = names.Describe(assignment);
        AuditLog.Add(db, user, AuditActions.AssignmentCreated,
            $"Assigned {module!.Title} to {target}, due {UkTime.Date(assignment.DueDate)}",
            assignment.UserId,
            new { module.Slug, Target = target, assignment.ServiceId, assignment.TeamId, JobRole = assignment.JobRole?.ToString(), assignment.UserId, DueDate = assignment.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), assignment.ValidityMonths, NewStarterDays = assignment.UserId is null ? assignment.NewStarterDays : (int?)null, People = people.Count },
            now);
        await db.SaveChangesAsync(cancellationToken);
        return new CreateAssignmentResult(assignment, []);
    }

    /// <summary>Withdraws a live assignment in scope. False when there is none (gone, withdrawn or out of scope).</summary>
    public async Task<bool> WithdrawAsync(ClaimsPrincipal user, long assignmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var targets = await ManagedTargets.ForAsync(db, user, cancellationToken);
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.RemovedAtUtc == null, cancellationToken);
        if (assignment is null || targets.Staff.IsEmpty || !await targets.CoversAsync(db, assignment, cancellationToken))
        {
            return false;
        }

        var people = await ModuleRecords.PeopleTouchedBy(db, assignment).ToListAsync(cancellationToken);
        var target = (await TargetNames.ReadAsync(db, [assignment], cancellationToken)).Describe(assignment);
        assignment.RemovedAtUtc = now;
        assignment.RemovedByUserId = user.UserId();
        AuditLog.Add(db, user, AuditActions.AssignmentRemoved,
            $"Withdrew the assignment of {library.Find(assignment.ModuleSlug)?.Title ?? assignment.ModuleSlug} to {target}",
            assignment.UserId,
            new { assignment.Id, assignment.ModuleSlug, Target = target, People = people.Count },
            now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Fills the target fields from the form, adding an error for anything missing, unknown or out of scope.</summary>
    private static async Task ReadTargetAsync(AppDbContext db, ManagedTargets targets, AssignmentRequest request, Assignment assignment, List<FieldError> errors, CancellationToken cancellationToken)
    {
        switch (request.Kind)
        {
            case TargetKind.Team:
                assignment.TeamId = await ReadTeamAsync(db, targets, request.TeamId, errors, cancellationToken);
                break;
            case TargetKind.Service:
                assignment.ServiceId = await ReadServiceAsync(db, targets, request.ServiceId, errors, cancellationToken);
                break;
            case TargetKind.JobRoleInTeam:
                assignment.JobRole = ReadJobRole(request.JobRole, errors);
                assignment.TeamId = await ReadTeamAsync(db, targets, request.TeamId, errors, cancellationToken);
                break;
            case TargetKind.JobRoleInService:
                assignment.JobRole = ReadJobRole(request.JobRole, errors);
                assignment.ServiceId = await ReadServiceAsync(db, targets, request.ServiceId, errors, cancellationToken);
                break;
            case TargetKind.Person:
                if (string.IsNullOrWhiteSpace(request.PersonUserId))
                {
                    errors.Add(new(Fields.Person, "Search for and select a person"));
                }
                else if (!await targets.CoversPersonAsync(db, request.PersonUserId, cancellationToken))
                {
                    // The same answer for an unknown id and another service's person.
                    errors.Add(new(Fields.Person, "Select a person in the teams you manage"));
                }
                else
                {
                    assignment.UserId = request.PersonUserId;
                }

                break;
            default:
                errors.Add(new(Fields.Kind, "Select who to assign the module to"));
                break;
        }
    }

    private static Task<int?> ReadTeamAsync(AppDbContext db, ManagedTargets targets, string? text, List<FieldError> errors, CancellationToken cancellationToken) =>
        ReadIdAsync(text, errors, Fields.Team, "Select a team", "Select a team you manage",
            id => targets.CoversTeam(id) ? db.Teams.AnyAsync(t => t.Id == id, cancellationToken) : Task.FromResult(false));

    private static Task<int?> ReadServiceAsync(AppDbContext db, ManagedTargets targets, string? text, List<FieldError> errors, CancellationToken cancellationToken) =>
        ReadIdAsync(text, errors, Fields.Service, "Select a service", "Select a service you manage as a whole; a team's manager can assign to their team",
            id => targets.CoversService(id) ? db.Services.AnyAsync(s => s.Id == id, cancellationToken) : Task.FromResult(false));

    /// <summary>An id from the form that must exist and be in scope; unknown and out of scope get the same message.</summary>
    private static async Task<int?> ReadIdAsync(string? text, List<FieldError> errors, string field, string missing, string notManaged, Func<int, Task<bool>> allowed)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            errors.Add(new(field, missing));
            return null;
        }

        if (!await allowed(id))
        {
            errors.Add(new(field, notManaged));
            return null;
        }

        return id;
    }

    private static JobRole? ReadJobRole(string? text, List<FieldError> errors)
    {
        // Names only: Enum.TryParse would also take "3" or "1,2".
        if (text is not null && Enum.GetNames<JobRole>().Contains(text, StringComparer.Ordinal))
        {
            return Enum.Parse<JobRole>(text);
        }

        errors.Add(new(Fields.JobRole, "Select a job role"));
        return null;
    }
}

/// <summary>Names of the teams, services and people assignments target, read in one go.</summary>
internal sealed class TargetNames
{
    private Dictionary<int, (string Name, string Service)> _teams = [];
    private Dictionary<int, string> _services = [];
    private Dictionary<string, string> _people = new(StringComparer.Ordinal);

    public static async Task<TargetNames> ReadAsync(AppDbContext db, IReadOnlyCollection<Assignment> assignments, CancellationToken cancellationToken)
    {
        var teamIds = assignments.Where(a => a.TeamId != null).Select(a => a.TeamId!.Value).Distinct().ToList();
        var serviceIds = assignments.Where(a => a.ServiceId != null).Select(a => a.ServiceId!.Value).Distinct().ToList();
        var userIds = assignments.Where(a => a.UserId != null).Select(a => a.UserId!).Distinct().ToList();
        return new TargetNames
        {
            _teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id))
                .Select(t => new { t.Id, t.Name, Service = t.Service!.Name })
                .ToDictionaryAsync(t => t.Id, t => (t.Name, t.Service), cancellationToken),
            _services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken),
            _people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.FullName ?? u.Email ?? u.Id, StringComparer.Ordinal, cancellationToken),
        };
    }

    /// <summary>"Team: Leeds North (Leeds)", "Job role: Counsellor in service Leeds", "Person: Sam Smith", "Service: Leeds".</summary>
    public string Describe(Assignment a)
    {
        (string Name, string Service) removed = ("(removed team)", "");
        var team = a.TeamId is { } t ? _teams.GetValueOrDefault(t, removed) : removed;
        var teamText = team.Service is { Length: > 0 } ? $"{team.Name} ({team.Service})" : team.Name;
        var service = a.ServiceId is { } s ? _services.GetValueOrDefault(s, "(removed service)") : null;
        if (a.UserId is { } userId)
        {
            return "Person: " + _people.GetValueOrDefault(userId, "(removed person)");
        }

        if (a.JobRole is { } role)
        {
            var name = role.DisplayName();
            return a.TeamId is not null ? $"Job role: {name} in team {teamText}" : $"Job role: {name} in service {service}";
        }

        return a.TeamId is not null ? "Team: " + teamText : "Service: " + service;
    }
}
