using System.Net;
using System.Text.RegularExpressions;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Authoring;

/// <summary>The real app watching its own temp copy of the sample content, so tests can edit files.</summary>
public sealed partial class AuthoringAppFixture : WebApplicationFactory<Program>
{
    private const string Password = "correct horse battery staple";

    public string ContentPath { get; } = Path.Combine(Path.GetTempPath(), "iapt-authoring-content-" + Guid.NewGuid().ToString("N"));
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "iapt-authoring-data-" + Guid.NewGuid().ToString("N"));

    public AuthoringAppFixture() => LiveContentTests.CopyDirectory(WebAppFixture.SampleContentPath, ContentPath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Storage:DataPath", DataPath);
        builder.UseSetting("UseHttpsRedirection", "false");
        builder.UseSetting("Accounts:FormPostsPerMinute", "100000");
    }

    /// <summary>A signed-in client for a new person holding <paramref name="roles"/> (every person is a learner).</summary>
    public async Task<HttpClient> SignedInAsync(params string[] roles)
    {
        var email = $"person-{Guid.NewGuid():N}@example.nhs.uk";
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Test Person" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.Learner, .. roles])).Succeeded);
        }

        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public string File(params string[] parts) => Path.Combine([ContentPath, .. parts]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { DataPath, ContentPath })
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
