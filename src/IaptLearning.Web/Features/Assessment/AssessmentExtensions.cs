namespace IaptLearning.Web.Features.Assessment;

public static class AssessmentExtensions
{
    public static IHostApplicationBuilder AddAssessment(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<AssessmentService>();
        return builder;
    }
}
