using System.Security.Claims;
using System.Text.Json;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;

namespace IaptLearning.Web.Features.Audit;

/// <summary>The kinds of event the audit log records (stored as these strings).</summary>
public static class AuditActions
{
    public const string DashboardViewed = "dashboard-viewed";
    public const string RecordsViewed = "records-viewed";
    public const string LearnerViewed = "learner-viewed";
    public const string Exported = "export";
    public const string RolesChanged = "roles-changed";
    public const string ScopesChanged = "scopes-changed";
    public const string AccountCreated = "account-created";
    public const string AccountInvited = "account-invited";
    public const string AccountChanged = "account-changed";
    public const string TeamChanged = "team-changed";
    public const string AccountDeactivated = "account-deactivated";
    public const string AccountReactivated = "account-reactivated";
    public const string OrganisationChanged = "organisation-changed";
    public const string StaffImported = "staff-imported";
    public const string AssignmentCreated = "assignment-created";
    public const string AssignmentRemoved = "assignment-removed";
    public const string AttemptsReset = "attempts-reset";
    public const string ExemptionGranted = "exemption-granted";
    public const string ExemptionRevoked = "exemption-revoked";
    public const string CertificateRevoked = "certificate-revoked";
    public const string ReleasePublished = "release-published";
    public const string ReleaseWithdrawn = "release-withdrawn";
    public const string ReleaseServedAgain = "release-served-again";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DashboardViewed] = "Dashboard viewed",
        [RecordsViewed] = "Training records viewed",
        [LearnerViewed] = "Learner record viewed",
        [Exported] = "Records exported",
        [RolesChanged] = "Roles changed",
        [ScopesChanged] = "Managed services or teams changed",
        [AccountCreated] = "Account created",
        [AccountInvited] = "Person invited",
        [AccountChanged] = "Account details changed",
        [TeamChanged] = "Moved to another team",
        [AccountDeactivated] = "Account deactivated",
        [AccountReactivated] = "Account reactivated",
        [OrganisationChanged] = "Organisation, service or team changed",
        [StaffImported] = "Staff imported",
        [AssignmentCreated] = "Module assigned",
        [AssignmentRemoved] = "Assignment withdrawn",
        [AttemptsReset] = "Assessment attempts reset",
        [ExemptionGranted] = "Minimum-time exemption granted",
        [ExemptionRevoked] = "Minimum-time exemption revoked",
        [CertificateRevoked] = "Certificate revoked",
        [ReleasePublished] = "Module release published",
        [ReleaseWithdrawn] = "Module release withdrawn",
        [ReleaseServedAgain] = "Module release served again",
    };
}

/// <summary>
/// Writes audit events. <see cref="Add"/> stages the event on the caller's context so it commits
/// in the same transaction as the change it describes: a change is never saved without its entry.
/// </summary>
public static class AuditLog
{
    public const string SystemActor = "system";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static AuditEvent Add(AppDbContext db, ClaimsPrincipal? actor, string action, string summary, string? subjectUserId = null, object? details = null, DateTime? atUtc = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = new AuditEvent
        {
            AtUtc = atUtc ?? DateTime.UtcNow,
            ActorUserId = actor?.UserId(),
            ActorName = TextLimits.Truncate(actor?.Identity?.Name ?? SystemActor, 256, ellipsis: true),
            Action = action,
            Summary = TextLimits.Truncate(summary, 1000, ellipsis: true),
            SubjectUserId = subjectUserId,
            DetailsJson = details is null ? null : JsonSerializer.Serialize(details, Json),
        };
        db.AuditEvents.Add(entry);
        return entry;
    }
}
