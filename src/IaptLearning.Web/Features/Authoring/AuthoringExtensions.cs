using System.Text;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Releases;

namespace IaptLearning.Web.Features.Authoring;

public static class AuthoringExtensions
{
    public static IHostApplicationBuilder AddAuthoring(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<StatisticsReader>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAuthoring(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/authoring/{slug}/statistics.csv", async (string slug, ContentService content, ReleaseLibrary releases, StatisticsReader reader, CancellationToken cancellationToken) =>
        {
            // As the page: the release learners answered, else the folder's module.
            if ((releases.Current.GetValueOrDefault(slug)?.Module ?? content.State.LastGood.GetValueOrDefault(slug)) is not { } module)
            {
                return Results.NotFound();
            }

            var csv = StatisticsCsv.Write(await reader.ReadAsync(module, cancellationToken));
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"{slug}-statistics.csv");
        }).RequireAuthorization(Roles.AuthorsPolicy);
        return endpoints;
    }
}
