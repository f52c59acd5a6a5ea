namespace IaptLearning.Web.Data;

/// <summary>Who did what, when: append-only, never edited or deleted by the application.</summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>Null for the system or the command line.</summary>
    public string? ActorUserId { get; set; }

    /// <summary>The actor's email (or "system") at the time, kept in case the account goes.</summary>
    public required string ActorName { get; set; }

    /// <summary>One of <c>AuditActions</c>, for example "export".</summary>
    public required string Action { get; set; }

    /// <summary>One readable line: "Exported 120 rows of the completion table".</summary>
    public required string Summary { get; set; }

    /// <summary>The person the action was about, if any.</summary>
    public string? SubjectUserId { get; set; }

    /// <summary>Structured details (filters used, roles before and after), as JSON.</summary>
    public string? DetailsJson { get; set; }
}
