using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IaptLearning.Web.Features.Learning;

public static class LearningExtensions
{
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<LearningOptions>(builder.Configuration.GetSection("Learning"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LessonProgressService>();
        return builder;
    }
}
