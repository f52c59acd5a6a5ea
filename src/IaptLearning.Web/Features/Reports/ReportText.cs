using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;

namespace IaptLearning.Web.Features.Reports;

/// <summary>How reports name things: job roles by their display names, due dates as the UK day they fall on.</summary>
public static class ReportText
{
    public const string NoRole = "No job role recorded";
    public const string NoTeam = "No team";

    public static string JobRole(JobRole? role) => role.DisplayName(NoRole);

    /// <summary>A due date is stored as the instant its UK day ends, so one tick earlier is still that day.</summary>
    public static DateOnly DueDate(DateTime dueAtUtc) => UkTime.Today(dueAtUtc.AddTicks(-1));
}
