using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

/// <summary>A learner's completion of the sample module, and the certificate issued for it.</summary>
internal static class CertificateSteps
{
    public static Task<long> AddCompletionAsync(WebAppFixture app, string userId, string version = "1.0.0") =>
        app.ExecuteDbAsync(async db =>
        {
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
        });

    /// <summary>A certificate for <paramref name="userId"/> (a new person if none).</summary>
    public static async Task<Certificate> IssueAsync(WebAppFixture app, string? userId = null, string version = "1.0.0")
    {
        userId ??= (await app.CreatePersonAsync()).Id;
        var completion = await AddCompletionAsync(app, userId, version);
        return (await app.Get<CertificateIssuer>().IssueAsync(completion, app.SampleModule))!;
    }
}
