using System.Net;
using System.Net.Mail;
using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IaptLearning.Web.Features.Accounts;

/// <summary>The account emails Identity's <see cref="IEmailSender{TUser}"/> has no method for. Links are already HTML-encoded, as there.</summary>
public interface IAccountEmail
{
    /// <summary>An invitation to an account an admin created: it reads as a welcome, not as a password reset.</summary>
    Task SendInvitationLinkAsync(ApplicationUser user, string email, string link);

    /// <summary>
    /// To the owner of an address someone tried to register again: the registration page says the
    /// same "check your email" either way, so it never tells anyone which addresses have accounts.
    /// </summary>
    Task SendAlreadyRegisteredAsync(ApplicationUser user, string email, string signInLink, string resetLink);
}

/// <summary>Sends through SMTP when <c>Email:SmtpHost</c> is set; otherwise drops .eml files in the pickup folder.</summary>
internal sealed class EmailSender(IOptions<EmailOptions> options, ILogger<EmailSender> logger) : IEmailSender<ApplicationUser>, IAccountEmail
{
    // Identity hands over links already HTML-encoded (IEmailSender<TUser> contract): do not encode them again.
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your email address", $"<p>Confirm your IaptLearning account by <a href=\"{confirmationLink}\">following this link</a>.</p>");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your password", $"<p>Reset your IaptLearning password by <a href=\"{resetLink}\">following this link</a>. If you did not ask for this, ignore this email.</p>");

    public Task SendInvitationLinkAsync(ApplicationUser user, string email, string link)
    {
        ArgumentNullException.ThrowIfNull(user);
        var greeting = string.IsNullOrWhiteSpace(user.FullName) ? "Hello" : "Hello " + WebUtility.HtmlEncode(user.FullName);
        return SendAsync(email, "Your IaptLearning account", $"<p>{greeting},</p><p>An administrator has made you an IaptLearning account for your NHS Talking Therapies training. "
            + $"<a href=\"{link}\">Choose your password</a> to start. The link works once and expires after 24 hours; if it has expired, ask your administrator to send a new one.</p>");
    }

    public Task SendAlreadyRegisteredAsync(ApplicationUser user, string email, string signInLink, string resetLink) =>
        SendAsync(email, "Someone tried to create an account with your email address",
            "<p>Someone, perhaps you, tried to create an IaptLearning account with this email address. You already have an account, so nothing has changed.</p>"
            + $"<p><a href=\"{signInLink}\">Sign in to your account</a>. If you have forgotten your password, <a href=\"{resetLink}\">reset your password</a>.</p>"
            + "<p>If this was not you, you can ignore this email: no one can use your account without your password.</p>");

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
