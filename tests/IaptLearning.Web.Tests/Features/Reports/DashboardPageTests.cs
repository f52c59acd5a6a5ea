using System.Text.Json;
using IaptLearning.Web.Features.Reports;

namespace IaptLearning.Web.Tests.Features.Reports;

public class DashboardPageTests
{
    [Fact]
    public void DashboardState_PersistedFromPrerender_RestoresTheSameFigures()
    {
        var state = new DashboardPage.DashboardState
        {
            Key = "module-one",
            Everyone = true,
            Data = new Dashboard(12, new StatusCounts(1, 2, 3, 4),
                [new DashboardLine("module-one", "Module one", new StatusCounts(1, 2, 3, 4))],
                [new DashboardLine("7", "Team (Service)", new StatusCounts(1, 0, 0, 0))],
                [new DashboardLine("Counsellor", "Counsellor", new StatusCounts(0, 2, 3, 4))],
                [new MonthCount(2026, 3, 5)]),
        };

        // Blazor persists component state as JSON with the web defaults.
        var restored = JsonSerializer.Deserialize<DashboardPage.DashboardState>(JsonSerializer.Serialize(state, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        Assert.Equal(state.Key, restored.Key);
        Assert.True(restored.Everyone);
        Assert.Equal(state.Data.All, restored.Data!.All);
        Assert.Equal(state.Data.Modules, restored.Data.Modules);
        Assert.Equal(state.Data.Teams, restored.Data.Teams);
        Assert.Equal(state.Data.JobRoles, restored.Data.JobRoles);
        Assert.Equal(state.Data.CompletionsByMonth, restored.Data.CompletionsByMonth);
        Assert.Equal("March 2026", restored.Data.CompletionsByMonth[0].Label);
    }
}
