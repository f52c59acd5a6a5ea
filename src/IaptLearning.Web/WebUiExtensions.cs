using System.Globalization;
using IaptLearning.Web.Components;
using IaptLearning.Web.Features.Authoring;
using IaptLearning.Web.Features.Catalog;
using Microsoft.AspNetCore.Rewrite;

namespace IaptLearning.Web;

public static class WebUiExtensions
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Environment.IsEnvironment("Testing"))
        {
            // The end-to-end tests run the build output, not a publish: serve wwwroot from the project as Development does.
            builder.WebHost.UseStaticWebAssets();
        }

        // UK English everywhere: dates, numbers and sorting.
        var culture = CultureInfo.GetCultureInfo("en-GB");
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;

        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        if (app.Configuration.GetValue("UseHttpsRedirection", true))
        {
            app.UseHttpsRedirection();
        }

        // nhsuk-frontend's stylesheet asks for its icons at /assets/images.
        app.UseRewriter(new RewriteOptions().AddRewrite("^assets/images/(.*)$", "lib/nhsuk-frontend/assets/images/$1", skipRemainingRules: true));

        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapModuleMedia();
        app.MapAuthoring();
        app.MapRazorComponents<App>()
            // Blazor's own header would be a second policy ("frame-ancestors 'self'"); the site's
            // one policy (Features/Security) already says frame-ancestors 'none'.
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
