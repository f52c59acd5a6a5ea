namespace IaptLearning.Web.Data;

/// <summary>A provider (an NHS trust or a contracted provider) that runs one or more services.</summary>
public class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The NHS Organisation Data Service code, if known (for example "RX4").</summary>
    public string? OdsCode { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public List<Service> Services { get; set; } = [];
}

/// <summary>An NHS Talking Therapies service within an organisation.</summary>
public class Service
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<Team> Teams { get; set; } = [];
}

/// <summary>A team within a service. Every learner belongs to one team (or none until placed).</summary>
public class Team
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public Service? Service { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// The teams a person has been in, so a move is kept in their history. Their learning records
/// are keyed on the person, not the team, and so move with them.
/// </summary>
public class TeamMembership
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    public DateTime FromUtc { get; set; }

    /// <summary>Null while current.</summary>
    public DateTime? ToUtc { get; set; }
}

/// <summary>
/// What a manager manages: a whole service or one team (exactly one of the two is set). A
/// manager sees only the people currently in the teams their scopes cover.
/// </summary>
public class ManagerScope
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public int? ServiceId { get; set; }
    public Service? Service { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public DateTime GrantedAtUtc { get; set; }
    public string? GrantedByUserId { get; set; }
}
