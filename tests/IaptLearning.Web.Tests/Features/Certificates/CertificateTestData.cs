using System.Text.RegularExpressions;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Certificates;

/// <summary>Learners with completions and certificates, straight into the database, and signed-in clients.</summary>
internal static partial class CertificateTestData
{
    public const string Password = "correct horse battery staple";

    public static async Task<(string Id, string Email)> CreateLearnerAsync(WebAppFixture app, string fullName = "Test Learner", JobRole? role = JobRole.HighIntensityTherapist)
    {
        var email = $"learner-{Guid.NewGuid():N}@example.nhs.uk";
        var id = await app.CreateUserAsync(email);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id);
        user!.FullName = fullName;
        user.JobRole = role;
        await users.UpdateAsync(user);
        return (id, email);
    }

    public static async Task<long> AddCompletionAsync(WebAppFixture app, string userId, string version = "1.0.0")
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var completion = new ModuleCompletion
        {
            UserId = userId,
            ModuleSlug = app.SampleModule.Slug,
            ModuleVersion = version,
            ContentHash = app.SampleModule.ContentHash,
            CompletedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.ModuleCompletions.Add(completion);
        await db.SaveChangesAsync();
        return completion.Id;
    }

    public static async Task<Certificate> IssueAsync(WebAppFixture app, string? userId = null, string version = "1.0.0")
    {
        userId ??= (await CreateLearnerAsync(app)).Id;
        var completion = await AddCompletionAsync(app, userId, version);
        return (await app.Get<CertificateIssuer>().IssueAsync(completion, app.SampleModule))!;
    }

    public static HttpClient Client(WebAppFixture app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInClientAsync(WebAppFixture app, string email)
    {
        var client = Client(app);
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
