using IaptLearning.Web.Data;

namespace IaptLearning.Web.Features.Reports;

/// <summary>How reports name things: job roles by their display names.</summary>
public static class ReportText
{
    public const string NoRole = "No job role recorded";
    public const string NoTeam = "No team";

    public static string JobRole(JobRole? role) => role.DisplayName(NoRole);
}
