namespace IaptLearning.Web.Data;

/// <summary>
/// One signed-in browser. The authentication cookie carries only <see cref="Id"/>; the ticket
/// (claims and expiry) stays here, so signing out deletes the row and a copy of the old cookie
/// opens nothing.
/// </summary>
public sealed class SignInSession
{
    public const int IdLength = 43;

    /// <summary>256 random bits, Base64Url.</summary>
    public string Id { get; set; } = "";

    public string? UserId { get; set; }

    /// <summary>The serialised ticket, protected with the app's data-protection keys.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ExpiresAtUtc { get; set; }
}
