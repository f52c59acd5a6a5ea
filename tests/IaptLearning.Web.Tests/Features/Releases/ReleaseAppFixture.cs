namespace IaptLearning.Web.Tests.Features.Releases;

/// <summary>An app over a content folder and a data folder the test owns, so it can be restarted, or run twice on one database.</summary>
public sealed class ReleaseAppFixture(string contentPath, string dataPath, IReadOnlyDictionary<string, string>? settings = null)
    : WebAppFixture(contentPath, fakeClock: false, settings, dataPath)
{
    /// <summary>Starts the app now (migrations, the first release), as a process start would.</summary>
    public ReleaseAppFixture Started()
    {
        _ = Services;
        return this;
    }
}
