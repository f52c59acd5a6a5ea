namespace IaptLearning.EndToEnd.Tests;

/// <summary>
/// Issue 19: a newcomer's first start (Development, a new data folder, so every migration runs) prints no
/// warning or error they would worry about, and the site answers.
/// </summary>
public sealed class FirstStartTests : IAsyncLifetime
{
    private readonly AppServer _app = new();

    public Task InitializeAsync()
    {
        _app.ExtraArguments.Add("--environment");
        _app.ExtraArguments.Add("Development");
        return _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FirstStart_InDevelopment_PrintsNoWarningOrError()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("modules")).StatusCode);
        await Task.Delay(1_000); // Anything start-up logs late, such as a background repair.

        var worrying = _app.Log.Split('\n').Where(line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        Assert.True(worrying.Count == 0, "First start printed:\n" + _app.Log);
    }
}
