namespace IaptLearning.Web.Data;

/// <summary>
/// A module someone must complete by a date. The target is the conjunction of the fields that
/// are set: a team (<see cref="TeamId"/>), a job role within a service or team
/// (<see cref="JobRole"/> with <see cref="ServiceId"/> or <see cref="TeamId"/>), a whole service
/// (<see cref="ServiceId"/> alone) or one person (<see cref="UserId"/>). Membership is worked out
/// when people move, so someone joining a team picks up its assignments.
/// </summary>
public class Assignment
{
    public long Id { get; set; }
    public required string ModuleSlug { get; set; }

    public int? ServiceId { get; set; }
    public int? TeamId { get; set; }
    public JobRole? JobRole { get; set; }
    public string? UserId { get; set; }

    /// <summary>The date it is due, in UK time; overdue from the start of the next day.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>
    /// For a group assignment, the days someone has from joining (their account or their current
    /// team, whichever is later): a new starter's date is this many days after they joined, when that
    /// is later than <see cref="DueDate"/>. A personal assignment's own date is the person's date.
    /// </summary>
    public int NewStarterDays { get; set; } = DefaultNewStarterDays;

    public const int DefaultNewStarterDays = 28;
    public const int MaxNewStarterDays = 365;

    /// <summary>Months a completion stays valid before it must be renewed; null for no expiry.</summary>
    public int? ValidityMonths { get; set; }

    public required string CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set when withdrawn; kept for the history.</summary>
    public DateTime? RemovedAtUtc { get; set; }
    public string? RemovedByUserId { get; set; }
}
