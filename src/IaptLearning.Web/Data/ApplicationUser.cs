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

    public DateTime CreatedAtUtc { get; set; }
}
