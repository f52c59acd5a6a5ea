namespace IaptLearning.Web.Tests;

/// <summary>The tests that share one app (xunit needs the collection defined in the test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class WebAppTests : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}
