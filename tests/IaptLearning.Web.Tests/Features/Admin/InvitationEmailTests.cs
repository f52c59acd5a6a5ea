using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Admin;

[Collection(WebAppTests.Name)]
public class InvitationEmailTests(WebAppFixture app)
{
    [Fact]
    public async Task SendAsync_NewPerson_WelcomeEmailWithAOneTimeLinkCarryingTheirAddress()
    {
        var email = $"welcome-{Guid.NewGuid():N}@example.nhs.uk";
        var person = await app.CreatePersonAsync("Siân O'Neill", email, jobRole: null, password: null);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(person.Id))!;

        await Invitations.SendAsync(users, app.Get<IEmailSender<ApplicationUser>>(), user, "https://learning.example.nhs.uk/");

        var message = Assert.Single(app.MailTo(email));
        Assert.Contains("Subject: Your IaptLearning account", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Reset your password", message, StringComparison.Ordinal);
        var body = Body(message);
        Assert.Contains("Hello Si&#226;n O&#39;Neill", body, StringComparison.Ordinal);
        Assert.Contains("Account/SetUpAccount?code=", body, StringComparison.Ordinal);
        Assert.Contains("email=" + Uri.EscapeDataString(email), body, StringComparison.Ordinal);
    }

    /// <summary>The body as text, whichever transfer encoding the mail client chose.</summary>
    internal static string Body(string message)
    {
        var split = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = message[..split];
        var body = message[(split + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))));
        }

        if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            var joined = body.Replace("=\r\n", "", StringComparison.Ordinal);
            var bytes = new List<byte>();
            for (var i = 0; i < joined.Length; i++)
            {
                if (joined[i] == '=' && i + 2 < joined.Length)
                {
                    bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.Add((byte)joined[i]);
                }
            }

            return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        }

        return body;
    }
}
