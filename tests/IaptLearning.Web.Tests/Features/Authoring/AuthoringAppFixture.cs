using IaptLearning.Web.Features.Accounts;

namespace IaptLearning.Web.Tests.Features.Authoring;

/// <summary>
/// The real app watching its own temp copy of the sample content, so tests can edit files, on the
/// real clock (the content watcher's debounce waits on it).
/// </summary>
public sealed class AuthoringAppFixture : WebAppFixture
{
    public AuthoringAppFixture()
        : this(Path.Combine(Path.GetTempPath(), "iapt-authoring-content-" + Guid.NewGuid().ToString("N")))
    {
    }

    private AuthoringAppFixture(string contentPath)
        : base(contentPath, fakeClock: false, new Dictionary<string, string> { ["Content:AutoPublish"] = "true" })
    {
        ContentPath = contentPath;
        LiveContentTests.CopyDirectory(SampleContentPath, ContentPath);
    }

    public string ContentPath { get; }

    /// <summary>A signed-in client for a new person holding <paramref name="roles"/> (every person is a learner).</summary>
    public async Task<HttpClient> SignedInAsync(params string[] roles) =>
        await SignInAsync((await CreatePersonAsync(roles: [Roles.Learner, .. roles])).Email);

    public string File(params string[] parts) => Path.Combine([ContentPath, .. parts]);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteFolder(ContentPath);
    }
}
