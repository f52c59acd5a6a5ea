using System.Text;
using System.Text.Encodings.Web;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace IaptLearning.Web.Features.Admin;

/// <summary>
/// The one-time link a new person follows to set their password: a password reset token, on its own
/// /Account/SetUpAccount page, which signs them in when done. No password is ever set or seen by an
/// admin. Usable from the command line too (print the link instead of emailing it).
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
        return Link(new Uri(baseUri), token, user.Email ?? "").AbsoluteUri;
    }

    /// <summary>The set-up page's address for this token: Base64Url-encoded in <c>code</c>, with the address the token is for.</summary>
    public static Uri Link(Uri baseUri, string token, string email)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(email);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        // The address rides along so the page knows whose token it is (the token alone still decides).
        return new Uri(new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/"), "Account/SetUpAccount?code=" + Uri.EscapeDataString(code) + "&email=" + Uri.EscapeDataString(email));
    }

    public static async Task SendAsync(UserManager<ApplicationUser> users, IEmailSender<ApplicationUser> email, ApplicationUser user, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(user);
        var link = await CreateLinkAsync(users, user, baseUri);

        // The sender's contract takes links already HTML-encoded.
        var encoded = HtmlEncoder.Default.Encode(link);
        if (email is IAccountEmail invitation)
        {
            await invitation.SendInvitationLinkAsync(user, user.Email!, encoded);
        }
        else
        {
            await email.SendPasswordResetLinkAsync(user, user.Email!, encoded);
        }
    }
}
