using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Data;

public class ApplicationUser : IdentityUser
{
    /// <summary>The name as it should appear on a certificate.</summary>
    public string? FullName { get; set; }

    public JobRole? JobRole { get; set; }

    public string? EmployingService { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
