namespace IaptLearning.Web.Features.Accounts;

public sealed class EmailOptions
{
    public string From { get; set; } = "no-reply@iaptlearning.local";

    /// <summary>Messages are written here as .eml files when no SMTP host is set. Relative to the data folder.</summary>
    public string? PickupFolder { get; set; }

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpEnableSsl { get; set; } = true;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
}
