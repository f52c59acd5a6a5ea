using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Data;

public class ApplicationUser : IdentityUser
{
    // [PersonalData]: included when the learner downloads or deletes their personal data.

    /// <summary>The name as it should appear on a certificate.</summary>
    [PersonalData]
    public string? FullName { get; set; }

    [PersonalData]
    public JobRole? JobRole { get; set; }

    [PersonalData]
    public string? EmployingService { get; set; }

    /// <summary>ESR employee or assignment number, if the organisation holds one; exported for ESR.</summary>
    [PersonalData]
    public string? EmployeeNumber { get; set; }

    /// <summary>The team the person is in now; their records move with them.</summary>
    public int? TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>Set when an admin deactivates the account: signed out within a minute, cannot sign in.</summary>
    public DateTime? DeactivatedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The learner chose to see every audience's sections open, not only their own (lessons and draw rules stay theirs).</summary>
    [PersonalData]
    public bool ShowAllAudiences { get; set; }
}
