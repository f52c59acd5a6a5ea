namespace IaptLearning.Web.Features.Completions;

public static class CompletionsExtensions
{
    public static IHostApplicationBuilder AddCompletions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ModuleCompletions>();
        return builder;
    }
}
