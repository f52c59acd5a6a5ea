using System.Net;
using System.Text.RegularExpressions;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Staff;
using IaptLearning.Web.Tests.Features.Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Authorisation;

/// <summary>Who visits in the authorisation tests.</summary>
public enum Persona
{
    Anonymous,
    Learner,
    Author,
    ManagerA,
    ManagerB,
    Admin,
}

/// <summary>Whose data a route with a person or record in it is visited against.</summary>
public enum Target
{
    /// <summary>The route has no per-person data.</summary>
    None,

    /// <summary>The visitor's own (for an anonymous visitor, the learner's).</summary>
    Own,

    /// <summary>A colleague in service A (not the visitor).</summary>
    ServiceA,

    /// <summary>Someone in service B.</summary>
    ServiceB,
}

/// <summary>
/// Two services in one organisation and one person for each persona: the learner and author in
/// service A's teams, manager A managing service A, manager B managing service B, an admin, and a
/// colleague in each service. Everyone holds a certificate, so "own" and "other" records exist.
/// </summary>
public sealed partial class AuthorisationWorld : IAsyncLifetime
{
    private readonly Dictionary<Persona, HttpClient> _clients = [];

    public WebAppFixture App { get; } = new();

    public Dictionary<Persona, Person> People { get; } = [];

    public Person ColleagueA { get; private set; } = null!;

    public Person ColleagueB { get; private set; } = null!;

    public int OrganisationId { get; private set; }

    public int ServiceAId { get; private set; }

    public int ServiceBId { get; private set; }

    public int TeamA1Id { get; private set; }

    public int TeamB1Id { get; private set; }

    public async Task InitializeAsync()
    {
        await using var db = await App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation { Name = "Matrix NHS Foundation Trust", CreatedAtUtc = now };
        var serviceA = new Service { Name = "Service A", Organisation = organisation, CreatedAtUtc = now };
        var serviceB = new Service { Name = "Service B", Organisation = organisation, CreatedAtUtc = now };
        var teamA1 = new Team { Name = "A1", Service = serviceA, CreatedAtUtc = now };
        var teamA2 = new Team { Name = "A2", Service = serviceA, CreatedAtUtc = now };
        var teamB1 = new Team { Name = "B1", Service = serviceB, CreatedAtUtc = now };
        db.AddRange(organisation, serviceA, serviceB, teamA1, teamA2, teamB1);
        await db.SaveChangesAsync();
        (OrganisationId, ServiceAId, ServiceBId, TeamA1Id, TeamB1Id) = (organisation.Id, serviceA.Id, serviceB.Id, teamA1.Id, teamB1.Id);

        People[Persona.Learner] = await AddPersonAsync("learner", teamA1.Id, []);
        People[Persona.Author] = await AddPersonAsync("author", teamA2.Id, [Roles.Author]);
        People[Persona.ManagerA] = await AddPersonAsync("manager-a", teamA1.Id, [Roles.Manager]);
        People[Persona.ManagerB] = await AddPersonAsync("manager-b", teamB1.Id, [Roles.Manager]);
        People[Persona.Admin] = await AddPersonAsync("admin", null, [Roles.Admin]);
        ColleagueA = await AddPersonAsync("colleague-a", teamA2.Id, []);
        ColleagueB = await AddPersonAsync("colleague-b", teamB1.Id, []);

        db.ManagerScopes.Add(new ManagerScope { UserId = People[Persona.ManagerA].Id, ServiceId = serviceA.Id, GrantedAtUtc = now });
        db.ManagerScopes.Add(new ManagerScope { UserId = People[Persona.ManagerB].Id, ServiceId = serviceB.Id, GrantedAtUtc = now });
        await db.SaveChangesAsync();
        await ModuleRecords.RefreshAsync(db, People.Values.Select(p => p.Id).Append(ColleagueA.Id).Append(ColleagueB.Id), now);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }

    /// <summary>The person whose data a row visits: the visitor's own, or a colleague in A or B.</summary>
    public Person Subject(Persona persona, Target target) => target switch
    {
        Target.Own => People[persona == Persona.Anonymous ? Persona.Learner : persona],
        Target.ServiceA => ColleagueA,
        Target.ServiceB => ColleagueB,
        _ => People[Persona.Learner],
    };

    /// <summary>A client signed in as the persona (cookies kept), made once and reused.</summary>
    public async Task<HttpClient> ClientAsync(Persona persona)
    {
        if (_clients.TryGetValue(persona, out var existing))
        {
            return existing;
        }

        var client = await SignInAsync(persona);
        _clients[persona] = client;
        return client;
    }

    /// <summary>A new client signed in as the persona, for a visit that ends its session (signing out).</summary>
    public async Task<HttpClient> SignInAsync(Persona persona)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (persona != Persona.Anonymous)
        {
            var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
            using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken(form),
                ["_handler"] = "login",
                ["Input.Email"] = People[persona].Email,
                ["Input.Password"] = CertificateTestData.Password,
            }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        return client;
    }

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task<Person> AddPersonAsync(string name, int? teamId, string[] roles)
    {
        var email = $"{name}@matrix.example.nhs.uk";
        var id = await App.CreateUserAsync(email);
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(id);
            user!.FullName = "Matrix " + name;
            user.JobRole = JobRole.PsychologicalWellbeingPractitioner;
            user.TeamId = teamId;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            if (roles.Length > 0)
            {
                Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
            }
        }

        var certificate = await CertificateTestData.IssueAsync(App, id);
        return new Person(id, email, certificate.Number, certificate.VerificationCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

public sealed record Person(string Id, string Email, string CertificateNumber, string VerificationCode);
