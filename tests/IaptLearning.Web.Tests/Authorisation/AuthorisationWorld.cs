using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Records;
using IaptLearning.Web.Tests.Features.Certificates;

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
public sealed class AuthorisationWorld : IAsyncLifetime
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
        var org = await App.CreateOrganisationAsync("Matrix NHS Foundation Trust", new ServiceShape("Service A", "A1", "A2"), new ServiceShape("Service B", "B1"));
        (OrganisationId, ServiceAId, ServiceBId, TeamA1Id, TeamB1Id) = (org.Id, org.ServiceA, org.ServiceB, org.TeamA1, org.TeamB1);

        People[Persona.Learner] = await AddPersonAsync("learner", org.TeamA1, []);
        People[Persona.Author] = await AddPersonAsync("author", org.TeamA2, [Roles.Author]);
        People[Persona.ManagerA] = await AddPersonAsync("manager-a", org.TeamA1, [Roles.Manager], managesService: org.ServiceA);
        People[Persona.ManagerB] = await AddPersonAsync("manager-b", org.TeamB1, [Roles.Manager], managesService: org.ServiceB);
        People[Persona.Admin] = await AddPersonAsync("admin", null, [Roles.Admin]);
        ColleagueA = await AddPersonAsync("colleague-a", org.TeamA2, []);
        ColleagueB = await AddPersonAsync("colleague-b", org.TeamB1, []);

        var now = App.Clock.GetUtcNow().UtcDateTime;
        await App.ExecuteDbAsync(db => ModuleRecords.RefreshAsync(db, People.Values.Select(p => p.Id).Append(ColleagueA.Id).Append(ColleagueB.Id), now));
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
    public async Task<HttpClient> SignInAsync(Persona persona) =>
        persona == Persona.Anonymous ? App.CreateBrowserClient() : await App.SignInAsync(People[persona].Email);

    private async Task<Person> AddPersonAsync(string name, int? teamId, string[] roles, int? managesService = null)
    {
        var person = await App.CreatePersonAsync("Matrix " + name, $"{name}@matrix.example.nhs.uk", teamId: teamId, roles: roles,
            managesServices: managesService is { } service ? [service] : null);
        var certificate = await CertificateSteps.IssueAsync(App, person.Id);
        return new Person(person.Id, person.Email, certificate.Number, certificate.VerificationCode);
    }
}

public sealed record Person(string Id, string Email, string CertificateNumber, string VerificationCode);
