using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Authorisation;

/// <summary>
/// Every page and endpoint of the app, visited by every persona against their own data, their
/// service's and another service's, must answer as <see cref="Table"/> says. Routes are discovered
/// (pages by reflection over [Route] attributes, endpoints from the app's endpoint data sources),
/// so a new route without a row fails here.
/// </summary>
public sealed partial class AuthorisationMatrixTests(AuthorisationWorld world) : IClassFixture<AuthorisationWorld>
{
    // One row per route and target. Cells, in persona order anonymous, learner, author,
    // manager of service A, manager of service B, admin:
    //   ok     allowed (2xx, or a redirect that is not to sign in or access denied)
    //   login  sent to sign in          deny   access denied (403)          404    not found
    // POST endpoints are sent with a valid antiforgery token, so a refusal is about who asks.
    private const string Table = """
        # route                                          method target    anon   learner author mgr-a  mgr-b  admin
        /                                                GET    -         ok     ok      ok     ok     ok     ok
        /Error                                           GET    -         ok     ok      ok     ok     ok     ok
        /not-found                                       GET    -         ok     ok      ok     ok     ok     ok
        /{**path:file}                                   GET    -         404    404     404    404    404    404
        /{**path:file}                                   HEAD   -         404    404     404    404    404    404
        /modules                                         GET    -         ok     ok      ok     ok     ok     ok
        /modules/{Slug}                                  GET    -         ok     ok      ok     ok     ok     ok
        /modules/{Slug}/lessons/{LessonSlug}             GET    -         login  ok      ok     ok     ok     ok
        /modules/{Slug}/assessment                       GET    -         login  ok      ok     ok     ok     ok
        /modules/{slug}/media/{**path}                   GET    -         404    404     404    404    404    404
        /profile                                         GET    -         login  ok      ok     ok     ok     ok
        /cpd                                             GET    -         login  ok      ok     ok     ok     ok
        /cpd/record.csv                                  GET    -         login  ok      ok     ok     ok     ok
        /cpd/record.pdf                                  GET    -         login  ok      ok     ok     ok     ok
        /certificates/{number}.pdf                       GET    own       login  ok      ok     ok     ok     ok
        /certificates/{number}.pdf                       GET    service-a login  404     404    404    404    404
        /certificates/{number}.pdf                       GET    service-b login  404     404    404    404    404
        /verify                                          GET    -         ok     ok      ok     ok     ok     ok
        /verify/{Code}                                   GET    own       ok     ok      ok     ok     ok     ok
        /authoring                                       GET    -         login  deny    ok     deny   deny   ok
        /authoring/{Slug}                                GET    -         login  deny    ok     deny   deny   ok
        /authoring/{Slug}/lessons/{LessonSlug}           GET    -         login  deny    ok     deny   deny   ok
        /authoring/{Slug}/assessment                     GET    -         login  deny    ok     deny   deny   ok
        /authoring/{Slug}/statistics                     GET    -         login  deny    ok     deny   deny   ok
        /authoring/{Slug}/releases                       GET    -         login  deny    ok     deny   deny   ok
        /authoring/{slug}/statistics.csv                 GET    -         login  deny    ok     deny   deny   ok
        /manage                                          GET    -         login  deny    deny   ok     ok     ok
        /manage/records                                  GET    -         login  deny    deny   ok     ok     ok
        /manage/records.csv                              GET    -         login  deny    deny   ok     ok     ok
        /manage/assignments                              GET    -         login  deny    deny   ok     ok     ok
        /manage/assignments/new                          GET    -         login  deny    deny   ok     ok     ok
        /manage/people/{UserId}                          GET    own       login  deny    deny   ok     ok     ok
        /manage/people/{UserId}                          GET    service-a login  deny    deny   ok     404    ok
        /manage/people/{UserId}                          GET    service-b login  deny    deny   404    ok     ok
        /admin                                           GET    -         login  deny    deny   deny   deny   ok
        /admin/organisations                             GET    -         login  deny    deny   deny   deny   ok
        /admin/organisations/{Id:int}                    GET    -         login  deny    deny   deny   deny   ok
        /admin/people                                    GET    -         login  deny    deny   deny   deny   ok
        /admin/people/new                                GET    -         login  deny    deny   deny   deny   ok
        /admin/people/import                             GET    -         login  deny    deny   deny   deny   ok
        /admin/people/{UserId}                           GET    own       login  deny    deny   deny   deny   ok
        /admin/people/{UserId}                           GET    service-a login  deny    deny   deny   deny   ok
        /admin/people/{UserId}                           GET    service-b login  deny    deny   deny   deny   ok
        /admin/certificates/revoke                       GET    -         login  deny    deny   deny   deny   ok
        /admin/audit                                     GET    -         login  deny    deny   deny   deny   ok
        /Account/Login                                   GET    -         ok     ok      ok     ok     ok     ok
        /Account/Register                                GET    -         ok     ok      ok     ok     ok     ok
        /Account/RegisterConfirmation                    GET    -         ok     ok      ok     ok     ok     ok
        /Account/ForgotPassword                          GET    -         ok     ok      ok     ok     ok     ok
        /Account/ForgotPasswordConfirmation              GET    -         ok     ok      ok     ok     ok     ok
        /Account/ResetPassword                           GET    -         ok     ok      ok     ok     ok     ok
        /Account/ResetPasswordConfirmation               GET    -         ok     ok      ok     ok     ok     ok
        /Account/SetUpAccount                            GET    -         ok     ok      ok     ok     ok     ok
        /Account/InvalidPasswordReset                    GET    -         ok     ok      ok     ok     ok     ok
        /Account/InvalidUser                             GET    -         ok     ok      ok     ok     ok     ok
        /Account/Lockout                                 GET    -         ok     ok      ok     ok     ok     ok
        /Account/AccessDenied                            GET    -         ok     ok      ok     ok     ok     ok
        /Account/ConfirmEmail                            GET    -         ok     ok      ok     ok     ok     ok
        /Account/ConfirmEmailChange                      GET    -         login  login   login  login  login  login
        /Account/ResendEmailConfirmation                 GET    -         ok     ok      ok     ok     ok     ok
        /Account/ExternalLogin                           GET    -         login  login   login  login  login  login
        /Account/LoginWith2fa                            GET    -         login  login   login  login  login  login
        /Account/LoginWithRecoveryCode                   GET    -         login  login   login  login  login  login
        /Account/Manage                                  GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/ChangePassword                   GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/DeletePersonalData               GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/Disable2fa                       GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/Email                            GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/EnableAuthenticator              GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/ExternalLogins                   GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/GenerateRecoveryCodes            GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/Passkeys                         GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/RenamePasskey/{Id}               GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/ResetAuthenticator               GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/SetPassword                      GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/TwoFactorAuthentication          GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/PersonalData                     GET    -         login  ok      ok     ok     ok     ok
        /Account/Manage/DownloadPersonalData             POST   -         login  ok      ok     ok     ok     ok
        /Account/Manage/LinkExternalLogin                POST   -         login  ok      ok     ok     ok     ok
        /Account/Logout                                  POST   -         ok     ok      ok     ok     ok     ok
        /Account/PerformExternalLogin                    POST   -         ok     ok      ok     ok     ok     ok
        /Account/PasskeyCreationOptions                  POST   -         404    ok      ok     ok     ok     ok
        /Account/PasskeyRequestOptions                   POST   -         ok     ok      ok     ok     ok     ok
        """;

    private static readonly Persona[] Personas = Enum.GetValues<Persona>();

    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in MatrixRow.ParseAll(Table))
        {
            data.Add(row.Route, row.Method, row.Target);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Route_EveryPersona_AnswersAsTheTableSays(string route, string method, string target)
    {
        var row = MatrixRow.ParseAll(Table).Single(r => r.Route == route && r.Method == method && r.Target == target);
        var failures = new List<string>();
        foreach (var persona in Personas)
        {
            var expected = row.Cells[(int)persona];
            var (actual, detail) = await VisitAsync(persona, row);
            if (actual != expected)
            {
                failures.Add($"{persona}: expected {expected}, got {actual} ({detail})");
            }
        }

        Assert.True(failures.Count == 0, $"{method} {route} [{target}]:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void Table_CoversEveryRoute_AndNoRouteThatIsGone()
    {
        var discovered = DiscoverRoutes(world.App.Services);
        var tabled = MatrixRow.ParseAll(Table).Select(r => (r.Route, r.Method)).ToHashSet();

        var missing = discovered.Where(d => !tabled.Contains(d)).Select(d => $"{d.Method} {d.Route}").ToList();
        var gone = tabled.Where(t => !discovered.Contains(t)).Select(t => $"{t.Method} {t.Route}").ToList();

        Assert.True(missing.Count == 0, "Routes with no row in the authorisation table:\n" + string.Join('\n', missing));
        Assert.True(gone.Count == 0, "Rows for routes that no longer exist:\n" + string.Join('\n', gone));
    }

    [Fact]
    public void Table_PerPersonRoutes_AreVisitedAgainstOwnServiceAndOtherServiceData()
    {
        var perPerson = MatrixRow.ParseAll(Table).Where(r => r.Route.Contains("{userId}", StringComparison.OrdinalIgnoreCase) || r.Route.Contains("{number}", StringComparison.OrdinalIgnoreCase));
        foreach (var group in perPerson.GroupBy(r => (r.Route, r.Method)))
        {
            Assert.Equal(["own", "service-a", "service-b"], group.Select(r => r.Target).Order(StringComparer.Ordinal).ToArray());
        }
    }

    /// <summary>Pages from [Route] on components; endpoints from the app's data sources (static files and Blazor's own left out).</summary>
    internal static HashSet<(string Route, string Method)> DiscoverRoutes(IServiceProvider services)
    {
        var routes = new HashSet<(string, string)>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)))
        {
            foreach (var attribute in type.GetCustomAttributes<RouteAttribute>())
            {
                routes.Add((attribute.Template, "GET"));
            }
        }

        foreach (var source in services.GetServices<EndpointDataSource>())
        {
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                    || endpoint.Metadata.Any(m => m.GetType().Name is "StaticAssetDescriptor")
                    || pattern.StartsWith("/_", StringComparison.Ordinal))
                {
                    continue;
                }

                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods)
                {
                    routes.Add((pattern, method));
                }
            }
        }

        return routes;
    }

    private async Task<(string Outcome, string Detail)> VisitAsync(Persona persona, MatrixRow row)
    {
        // Signing out ends the session on the server, so it gets a client of its own.
        var signsOut = row.Route == "/Account/Logout";
        var client = signsOut ? await world.SignInAsync(persona) : await world.ClientAsync(persona);
        using var disposeAfter = signsOut ? client : null;
        var address = new Uri(Fill(row.Route, persona, row.TargetKind), UriKind.Relative);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), address);
        if (row.Method == "POST")
        {
            var formPage = persona == Persona.Anonymous ? "/Account/Login" : "/Account/Manage/ChangePassword";
            var token = WebAppFixture.AntiforgeryToken(await client.GetStringAsync(new Uri(formPage, UriKind.Relative)));
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["provider"] = "none" });
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var detail = $"{status} {location}".Trim();
        Assert.True(status < 500, $"{row.Method} {address} as {persona} failed on the server: {detail}");
        return status switch
        {
            404 => ("404", detail),
            403 => ("deny", detail),
            401 => ("login", detail),
            >= 300 and < 400 when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => ("login", detail),
            >= 300 and < 400 when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => ("deny", detail),
            _ => ("ok", detail),
        };
    }

    private string Fill(string route, Persona persona, Target target)
    {
        var subject = world.Subject(persona, target);
        var lesson = world.App.SampleModule.Lessons[0].Slug;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Slug"] = world.App.SampleModule.Slug,
            ["LessonSlug"] = lesson,
            ["path"] = "no-such-file.png",
            ["Code"] = subject.VerificationCode,
            ["number"] = subject.CertificateNumber,
            ["userId"] = subject.Id,
            ["Id"] = route.StartsWith("/admin/organisations/", StringComparison.Ordinal)
                ? world.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "no-such-passkey",
        };
        return Parameter().Replace(route, match =>
        {
            var name = match.Groups["name"].Value;
            Assert.True(values.TryGetValue(name, out var value), $"No sample value for route parameter '{name}' in {route}: add one to Fill.");
            return Uri.EscapeDataString(value);
        });
    }
}

public sealed partial class AuthorisationMatrixTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Parameter();
}

/// <summary>One parsed row of the table.</summary>
internal sealed record MatrixRow(string Route, string Method, string Target, string[] Cells)
{
    private static readonly string[] Allowed = ["ok", "login", "deny", "404"];

    public Target TargetKind => Target switch
    {
        "own" => Authorisation.Target.Own,
        "service-a" => Authorisation.Target.ServiceA,
        "service-b" => Authorisation.Target.ServiceB,
        _ => Authorisation.Target.None,
    };

    public static IReadOnlyList<MatrixRow> ParseAll(string table)
    {
        var rows = new List<MatrixRow>();
        foreach (var line in table.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 9 || parts[3..].Any(c => !Allowed.Contains(c)))
            {
                throw new FormatException($"Bad authorisation table row: '{line}'");
            }

            rows.Add(new MatrixRow(parts[0], parts[1], parts[2], parts[3..]));
        }

        return rows;
    }
}
