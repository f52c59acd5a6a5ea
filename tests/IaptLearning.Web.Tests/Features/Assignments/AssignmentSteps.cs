using System.Globalization;
using IaptLearning.Web.Features.Assignments;

namespace IaptLearning.Web.Tests.Features.Assignments;

/// <summary>New-assignment forms as a manager would fill them in, for the sample module.</summary>
internal static class AssignmentSteps
{
    public static AssignmentRequest Request(WebAppFixture app, TargetKind kind, int? team = null, int? service = null, string? person = null, string? role = null, DateOnly? due = null, string? validity = null)
    {
        var date = due ?? IaptLearning.Web.Components.Shared.UkTime.Today(app.Clock.GetUtcNow().UtcDateTime).AddDays(60);
        return new AssignmentRequest
        {
            ModuleSlug = app.SampleModule.Slug,
            Kind = kind,
            TeamId = team?.ToString(CultureInfo.InvariantCulture),
            ServiceId = service?.ToString(CultureInfo.InvariantCulture),
            PersonUserId = person,
            JobRole = role,
            DueDay = date.Day.ToString(CultureInfo.InvariantCulture),
            DueMonth = date.Month.ToString(CultureInfo.InvariantCulture),
            DueYear = date.Year.ToString(CultureInfo.InvariantCulture),
            ValidityMonths = validity,
        };
    }
}
