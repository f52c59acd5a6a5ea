namespace IaptLearning.Web.Data;

/// <summary>
/// A reasonable adjustment: the learner need not meet lessons' minimum times. Granted by an
/// admin or manager (screens come with roles); kept, not deleted, when revoked, for the audit trail.
/// </summary>
public class MinTimeExemption
{
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>Null exempts the learner on every module.</summary>
    public string? ModuleSlug { get; set; }

    public required string Reason { get; set; }
    public string? GrantedByUserId { get; set; }
    public DateTime GrantedAtUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}
