using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IaptLearning.Web.Features.Learning;

public static class LearningExtensions
{
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LearningOptions>()
            .Bind(builder.Configuration.GetSection("Learning"))
            .Validate(o => o.IdleAfter >= ActiveTime.HeartbeatInterval, $"Learning:IdleAfter must be at least the heartbeat interval ({(int)ActiveTime.HeartbeatInterval.TotalSeconds} seconds), for example 00:02:00.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LessonProgressService>();
        builder.Services.AddSingleton<LearnerAudienceStore>();
        return builder;
    }
}
