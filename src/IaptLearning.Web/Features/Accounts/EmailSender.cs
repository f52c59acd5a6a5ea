using System.Net;
using System.Net.Mail;
using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IaptLearning.Web.Features.Accounts;

/// <summary>Sends through SMTP when <c>Email:SmtpHost</c> is set; otherwise drops .eml files in the pickup folder.</summary>
internal sealed class EmailSender(IOptions<EmailOptions> options, ILogger<EmailSender> logger) : IEmailSender<ApplicationUser>
{
    // Identity hands over links already HTML-encoded (IEmailSender<TUser> contract): do not encode them again.
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your email address", $"<p>Confirm your IaptLearning account by <a href=\"{confirmationLink}\">following this link</a>.</p>");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your password", $"<p>Reset your IaptLearning password by <a href=\"{resetLink}\">following this link</a>. If you did not ask for this, ignore this email.</p>");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(email, "Reset your password", $"<p>Your password reset code is {WebUtility.HtmlEncode(resetCode)}.</p>");

    private async Task SendAsync(string to, string subject, string html)
    {
        var settings = options.Value;
        using var message = new MailMessage(settings.From, to, subject, html) { IsBodyHtml = true };
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            Directory.CreateDirectory(settings.PickupFolder!);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = settings.PickupFolder;
        }
        else
        {
            client.Host = settings.SmtpHost;
            client.Port = settings.SmtpPort;
            client.EnableSsl = settings.SmtpEnableSsl;
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
            }
        }

        await client.SendMailAsync(message);
        logger.LogInformation("Sent '{Subject}' email.", subject);
    }
}
