using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IaptLearning.Web.Tests.Features.Accounts;

[Collection(WebAppTests.Name)]
public class AccountsTests(WebAppFixture app)
{
    [Fact]
    public void PasswordHasher_IterationCount_AtLeastOwaspFigure() =>
        Assert.True(app.Get<IOptions<PasswordHasherOptions>>().Value.IterationCount >= 220_000);

    [Fact]
    public void IdentityOptions_Lockout_FiveFailuresFiveMinutes()
    {
        var lockout = app.Get<IOptions<IdentityOptions>>().Value.Lockout;
        Assert.Equal(5, lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(5), lockout.DefaultLockoutTimeSpan);
        Assert.True(lockout.AllowedForNewUsers);
    }

    [Fact]
    public void IdentityOptions_Password_TwelveCharactersNoCompositionRules()
    {
        var password = app.Get<IOptions<IdentityOptions>>().Value.Password;
        Assert.Equal(12, password.RequiredLength);
        Assert.False(password.RequireDigit || password.RequireLowercase || password.RequireUppercase || password.RequireNonAlphanumeric);
    }

    [Fact]
    public async Task SendPasswordResetLink_NoSmtp_WritesEmlToPickupFolder()
    {
        var sender = app.Get<IEmailSender<ApplicationUser>>();
        var folder = Path.Combine(app.DataPath, "mail");
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Length : 0;
        await sender.SendPasswordResetLinkAsync(new ApplicationUser(), "someone@example.nhs.uk", "https://example.test/reset?code=abc");
        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(before + 1, files.Length);
        Assert.Contains(files, f => File.ReadAllText(f).Contains("someone@example.nhs.uk"));
    }
}
