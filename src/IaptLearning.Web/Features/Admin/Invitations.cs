using System.Text;
using System.Text.Encodings.Web;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace IaptLearning.Web.Features.Admin;

/// <summary>
/// The one-time link a new person follows to set their password: a password reset token, on the
/// same /Account/ResetPassword page the "forgotten your password" email uses. No password is ever
/// set or seen by an admin. Usable from the command line too (print the link instead of emailing it).
/// </summary>
public static class Invitations
{
    // baseUri: the site's address, ending in a slash, for example https://learning.example.nhs.uk/.
    public static async Task<string> CreateLinkAsync(UserManager<ApplicationUser> users, ApplicationUser user, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(baseUri);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        // The address rides along so the page can fill it in (the token alone still decides).
        return new Uri(new Uri(baseUri), "Account/ResetPassword?code=" + Uri.EscapeDataString(code) + "&email=" + Uri.EscapeDataString(user.Email ?? "")).AbsoluteUri;
    }

    public static async Task SendAsync(UserManager<ApplicationUser> users, IEmailSender<ApplicationUser> email, ApplicationUser user, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(user);
        var link = await CreateLinkAsync(users, user, baseUri);

        // The sender's contract takes links already HTML-encoded.
        var encoded = HtmlEncoder.Default.Encode(link);
        if (email is IInvitationEmail invitation)
        {
            await invitation.SendInvitationLinkAsync(user, user.Email!, encoded);
        }
        else
        {
            await email.SendPasswordResetLinkAsync(user, user.Email!, encoded);
        }
    }
}
