namespace IaptLearning.Web.Features.Assignments;

public static class AssignmentsExtensions
{
    /// <summary>Assignments, the learner's record page for managers, attempt resets and exemptions.</summary>
    public static IHostApplicationBuilder AddAssignments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<AssignmentService>();
        builder.Services.AddSingleton<LearnerRecordService>();
        return builder;
    }
}
