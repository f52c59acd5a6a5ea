using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Testing;

/// <summary>A service to create, by name, with its teams' names.</summary>
public sealed record ServiceShape(string Name, params string[] Teams);

public sealed record TestService(int Id, string Name, IReadOnlyList<int> Teams, IReadOnlyList<string> TeamNames);

/// <summary>An organisation as created, with its services in the order asked for (A, B, C…).</summary>
public sealed record TestOrganisation(int Id, string Name, IReadOnlyList<TestService> Services, string Suffix)
{
    public int ServiceA => Services[0].Id;

    public string ServiceAName => Services[0].Name;

    public int TeamA1 => Services[0].Teams[0];

    public int TeamA2 => Services[0].Teams[1];

    public int ServiceB => Services[1].Id;

    public string ServiceBName => Services[1].Name;

    public int TeamB1 => Services[1].Teams[0];
}

/// <summary>A person as created, with a principal for calling services as them.</summary>
public sealed record TestPerson(string Id, string Email, string Name, ClaimsPrincipal Principal)
{
    public void Deconstruct(out string id, out string email) => (id, email) = (Id, Email);
}

public partial class WebAppFixture
{
    public const string Password = "correct horse battery staple";

    /// <summary>Two services with a "Step 2" team each, as staff imports and the admin pages see a real trust.</summary>
    public static readonly ServiceShape[] TalkingTherapies =
        [new("North Talking Therapies", "Step 2", "Step 3"), new("South Talking Therapies", "Step 2")];

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// A new organisation (named uniquely unless <paramref name="name"/> is given) with
    /// <paramref name="services"/>; by default service A (teams A1, A2) and service B (team B1),
    /// every name ending in the organisation's <see cref="TestOrganisation.Suffix"/>.
    /// </summary>
    public async Task<TestOrganisation> CreateOrganisationAsync(string? name = null, params ServiceShape[] services)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        if (services.Length == 0)
        {
            services = [new($"Service A {suffix}", $"Team A1 {suffix}", $"Team A2 {suffix}"), new($"Service B {suffix}", $"Team B1 {suffix}")];
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation
        {
            Name = name ?? $"Provider {suffix}",
            CreatedAtUtc = now,
            Services = [.. services.Select(s => new Service { Name = s.Name, CreatedAtUtc = now, Teams = [.. s.Teams.Select(t => new Team { Name = t, CreatedAtUtc = now })] })],
        };
        await ExecuteDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        });
        return new(organisation.Id, organisation.Name,
            [.. organisation.Services.Select(s => new TestService(s.Id, s.Name, [.. s.Teams.Select(t => t.Id)], [.. s.Teams.Select(t => t.Name)]))], suffix);
    }

    /// <summary>
    /// A new person who can sign in with <paramref name="password"/> (null: no password, which is
    /// quicker for crowds), in <paramref name="teamId"/> since <paramref name="inTeamSinceUtc"/>
    /// (with a membership row, as a move keeps history), holding <paramref name="roles"/> and
    /// managing <paramref name="managesServices"/> and <paramref name="managesTeams"/>.
    /// </summary>
    public async Task<TestPerson> CreatePersonAsync(
        string? name = null,
        string? email = null,
        JobRole? jobRole = JobRole.PsychologicalWellbeingPractitioner,
        int? teamId = null,
        string[]? roles = null,
        int[]? managesServices = null,
        int[]? managesTeams = null,
        string? password = Password,
        string? employeeNumber = null,
        DateTime? inTeamSinceUtc = null)
    {
        name ??= Unique("Person");
        email ??= $"person-{Guid.NewGuid():N}@example.nhs.uk";
        roles ??= [];
        var now = Clock.GetUtcNow().UtcDateTime;
        // Someone put in a team has been there a year unless a test says otherwise, so team
        // assignments' own dates apply rather than a new starter's.
        var joined = inTeamSinceUtc ?? now.AddYears(-1);
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = name, JobRole = jobRole, EmployeeNumber = employeeNumber,
            CreatedAtUtc = teamId is null || joined > now ? now : joined,
        };
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Succeeded(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
            if (roles.Length > 0)
            {
                Succeeded(await users.AddToRolesAsync(user, roles));
            }
        }

        if (teamId is not null || managesServices is not null || managesTeams is not null)
        {
            await ExecuteDbAsync(async db =>
            {
                if (teamId is { } team)
                {
                    (await db.Users.SingleAsync(u => u.Id == user.Id)).TeamId = team;
                    db.TeamMemberships.Add(new TeamMembership { UserId = user.Id, TeamId = team, FromUtc = joined });
                }

                db.ManagerScopes.AddRange((managesServices ?? []).Select(s => new ManagerScope { UserId = user.Id, ServiceId = s, GrantedAtUtc = now }));
                db.ManagerScopes.AddRange((managesTeams ?? []).Select(t => new ManagerScope { UserId = user.Id, TeamId = t, GrantedAtUtc = now }));
                await db.SaveChangesAsync();
            });
        }

        return new(user.Id, email, name, Principal(user.Id, email, roles));
    }

    /// <summary>Moves a person to a team at <paramref name="atUtc"/> (now by default), closing their current membership, as the admin pages do.</summary>
    public async Task MovePersonAsync(string userId, int teamId, DateTime? atUtc = null)
    {
        var at = atUtc ?? Clock.GetUtcNow().UtcDateTime;
        await ExecuteDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.TeamId = teamId;
            await db.TeamMemberships.Where(m => m.UserId == userId && m.ToUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ToUtc, at));
            db.TeamMemberships.Add(new TeamMembership { UserId = userId, TeamId = teamId, FromUtc = at });
            // No refresh here: the records interceptor rebuilds the person's rows after the save.
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Someone signed in, for calling services directly as them.</summary>
    public static ClaimsPrincipal Principal(string id, string email, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "Test"));

    /// <summary>An admin to act as (a new id unless one is given) when a test calls the admin services.</summary>
    public static ClaimsPrincipal AdminActor(string? id = null) =>
        Principal(id ?? "admin-" + Guid.NewGuid().ToString("N"), "admin@example.nhs.uk", Roles.Admin);

    /// <summary>A client that keeps its cookies and does not follow redirects, signed in as nobody.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new client (cookies kept, redirects not followed) signed in through the sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateBrowserClient();
        using var response = await PostSignInAsync(client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} answered {(int)response.StatusCode}.");
        return client;
    }

    /// <summary>Fills in and posts the sign-in form on <paramref name="client"/>, whatever the outcome.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        return await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(SignInForm(form, email, password)));
    }

    /// <summary>The sign-in form's fields, with the antiforgery token from the page it came from.</summary>
    public static Dictionary<string, string> SignInForm(string loginPage, string email, string password) => new()
    {
        ["__RequestVerificationToken"] = AntiforgeryToken(loginPage),
        ["_handler"] = "login",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The audit events of one action (about one person if given), oldest first.</summary>
    public Task<List<AuditEvent>> AuditAsync(string action, string? subjectUserId = null) =>
        ExecuteDbAsync(db => db.AuditEvents
            .Where(e => e.Action == action && (subjectUserId == null || e.SubjectUserId == subjectUserId))
            .OrderBy(e => e.Id).ToListAsync());

    private static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
