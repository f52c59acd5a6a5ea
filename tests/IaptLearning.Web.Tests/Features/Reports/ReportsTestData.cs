using System.Security.Claims;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Staff;
using IaptLearning.Web.Tests.Features.Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Reports;

/// <summary>
/// Two services, A and B, in one organisation, seeded once per test run: five people in A's two
/// teams, four in B's team (two of whom moved there from A, with their history), two modules,
/// and records in every status at <see cref="Now"/>. Service C holds 130 people for paging.
/// </summary>
internal sealed record ReportsSeed(
    string ModuleOne,
    string ModuleTwo,
    int ServiceA,
    int ServiceB,
    int TeamA1,
    int TeamA2,
    int TeamB1,
    IReadOnlyDictionary<string, string> People,
    IReadOnlySet<string> InA,
    IReadOnlySet<string> InB,
    (string Id, string Email) ManagerA,
    (string Id, string Email) ManagerB,
    (string Id, string Email) ManagerC,
    (string Id, string Email) ManagerWithoutScope,
    (string Id, string Email) Learner,
    (string Id, string Email) Author)
{
    public static readonly DateTime Now = new(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc);

    public const int BulkPeople = 130;

    public static ClaimsPrincipal Principal(string userId, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    public async Task<StaffScope> ScopeAsync(WebAppFixture app, string managerId)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await StaffScope.ForAsync(db, Principal(managerId, Roles.Manager));
    }
}

internal static class ReportsTestData
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ReportsSeed? _seed;

    public static async Task<ReportsSeed> SeedAsync(WebAppFixture app)
    {
        await Gate.WaitAsync();
        try
        {
            return _seed ??= await CreateAsync(app);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<ReportsSeed> CreateAsync(WebAppFixture app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = ReportsSeed.Now;
        var moduleOne = $"reports-{tag}-one";
        var moduleTwo = $"reports-{tag}-two";
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var organisation = new Organisation { Name = $"Reports trust {tag}", CreatedAtUtc = now };
        var a = new Service { Name = "Service A", CreatedAtUtc = now };
        var b = new Service { Name = "Service B", CreatedAtUtc = now };
        var c = new Service { Name = "Service C", CreatedAtUtc = now };
        var a1 = new Team { Name = "A one", CreatedAtUtc = now };
        var a2 = new Team { Name = "A two", CreatedAtUtc = now };
        var b1 = new Team { Name = "B one", CreatedAtUtc = now };
        var c1 = new Team { Name = "C one", CreatedAtUtc = now };
        a.Teams.AddRange([a1, a2]);
        b.Teams.Add(b1);
        c.Teams.Add(c1);
        organisation.Services.AddRange([a, b, c]);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        string Person(string key, string name, JobRole role, Team team, Team? movedFrom = null)
        {
            var id = Guid.NewGuid().ToString();
            var email = $"{key}-{tag}@example.nhs.uk";
            db.Users.Add(new ApplicationUser
            {
                Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(), FullName = name, JobRole = role, TeamId = team.Id,
                EmployeeNumber = $"E{key}", CreatedAtUtc = now,
            });
            if (movedFrom is not null)
            {
                db.Add(new TeamMembership { UserId = id, TeamId = movedFrom.Id, FromUtc = now.AddYears(-2), ToUtc = now.AddDays(-20) });
            }

            db.Add(new TeamMembership { UserId = id, TeamId = team.Id, FromUtc = movedFrom is null ? now.AddYears(-2) : now.AddDays(-20) });
            people[key] = id;
            return id;
        }

        // Planted rows, saved after the people: a save that adds people rebuilds their rows from what they have done.
        var records = new List<ModuleRecord>();
        void Record(string userId, string module, DateTime? due = null, DateTime? started = null, DateTime? completed = null,
            DateTime? expires = null, int? score = null, string? certificate = null) =>
            records.Add(new ModuleRecord
            {
                UserId = userId, ModuleSlug = module, IsAssigned = due is not null, DueAtUtc = due, StartedAtUtc = started ?? completed?.AddDays(-1),
                CompletedAtUtc = completed, ExpiresAtUtc = expires, CompletedVersion = completed is null ? null : "1.2.0",
                CompletedScorePercent = completed is null ? null : score, BestScorePercent = score, CertificateNumber = certificate, UpdatedAtUtc = now,
            });

        // Due dates as the app stores them: the instant the UK day ends.
        var past = UkTime.EndOfDayUtc(new DateOnly(2026, 2, 23));
        var future = UkTime.EndOfDayUtc(new DateOnly(2026, 3, 25));

        // Service A: the hand-counted dashboard figures in DashboardReaderTests come from these lines.
        var alice = Person("a1", "Alice Ángel", JobRole.PsychologicalWellbeingPractitioner, a1);
        Record(alice, moduleOne, completed: new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc), score: 90, certificate: $"C{tag}A1");
        Record(alice, moduleTwo, due: past);
        var formula = Person("a2", "=cmd|' /C calc'!A0", JobRole.HighIntensityTherapist, a1);
        Record(formula, moduleOne, due: future, started: now.AddDays(-3), score: 40);
        Record(formula, moduleTwo, due: future);
        var sian = Person("a3", "Siân Ŵyn 😀, \"Jr\"", JobRole.PsychologicalWellbeingPractitioner, a1);
        Record(sian, moduleOne, due: UkTime.EndOfDayUtc(new DateOnly(2026, 3, 4)), started: now.AddDays(-5));
        Record(sian, moduleTwo, completed: new DateTime(2026, 2, 10, 23, 30, 0, DateTimeKind.Utc), score: 75, certificate: "+SUM(1)");
        var plus = Person("a4", "+Plus Person", JobRole.Counsellor, a2);
        Record(plus, moduleOne, due: future);
        var minus = Person("a5", "-Minus\nLine", JobRole.HighIntensityTherapist, a2);
        Record(minus, moduleOne, completed: new DateTime(2025, 1, 10, 10, 0, 0, DateTimeKind.Utc), expires: new DateTime(2026, 1, 10, 10, 0, 0, DateTimeKind.Utc), score: 80);
        Record(minus, moduleTwo, completed: new DateTime(2026, 3, 3, 10, 0, 0, DateTimeKind.Utc), score: 100);

        // Service B, including two people who moved there from A and brought their records.
        var bob = Person("b1", "@Bob Bryn", JobRole.PsychologicalWellbeingPractitioner, b1);
        // 23:30 UTC on 31 May is 00:30 on 1 June in British Summer Time: a June completion.
        Record(bob, moduleOne, completed: new DateTime(2025, 5, 31, 23, 30, 0, DateTimeKind.Utc), score: 85);
        Record(bob, moduleTwo, due: future, started: now.AddDays(-2));
        var tab = Person("b2", "\tTab Person", JobRole.Counsellor, b1);
        Record(tab, moduleOne, due: past);
        var moved = Person("m1", "Moved Alpha", JobRole.PsychologicalWellbeingPractitioner, b1, movedFrom: a1);
        Record(moved, moduleOne, completed: now.AddDays(-90), score: 70, certificate: $"C{tag}M1");
        Record(moved, moduleTwo, due: future);
        var movedToo = Person("m2", "\rMoved Carriage", JobRole.HighIntensityTherapist, b1, movedFrom: a2);
        Record(movedToo, moduleOne, due: future, started: now.AddDays(-1));

        // Service C: enough rows for three pages, with repeated names and scores so ties need the tiebreak.
        for (var i = 0; i < ReportsSeed.BulkPeople; i++)
        {
            var id = Person($"c{i}", i % 10 == 0 ? "Same Name" : $"Person {i % 37:00}", (JobRole)(i % 4), c1);
            var kind = i % 4;
            Record(id, moduleOne,
                due: kind == 3 ? now.AddDays(-(i % 9) - 1) : now.AddDays(i % 30 + 1),
                started: kind == 1 ? now.AddDays(-(i % 5) - 1) : null,
                completed: kind == 2 ? now.AddDays(-(i % 200) - 1) : null,
                score: kind == 2 ? 50 + (i % 5) * 10 : null);
        }

        await db.SaveChangesAsync();
        db.ModuleRecords.AddRange(records);

        // As ModuleRecords.RefreshAsync keeps them: each record carries its person's current team and job role.
        foreach (var record in records)
        {
            var person = db.Users.Local.Single(u => u.Id == record.UserId);
            (record.TeamId, record.JobRole) = (person.TeamId, person.JobRole);
        }

        await db.SaveChangesAsync();

        var managerA = await ManagerAsync(app, db, "Manager A", s => s.ServiceId = a.Id);
        var managerB = await ManagerAsync(app, db, "Manager B", s => s.ServiceId = b.Id);
        var managerC = await ManagerAsync(app, db, "Manager C", s => s.TeamId = c1.Id);
        var unscoped = await ManagerAsync(app, db, "Manager Nobody", null);
        var learner = await CertificateTestData.CreateLearnerAsync(app, "Plain Learner");
        var author = await CertificateTestData.CreateLearnerAsync(app, "Plain Author");
        await AddRoleAsync(app, author.Id, Roles.Author);

        return new ReportsSeed(moduleOne, moduleTwo, a.Id, b.Id, a1.Id, a2.Id, b1.Id, people,
            new HashSet<string>([alice, formula, sian, plus, minus], StringComparer.Ordinal),
            new HashSet<string>([bob, tab, moved, movedToo], StringComparer.Ordinal),
            managerA, managerB, managerC, unscoped, learner, author);
    }

    private static async Task<(string Id, string Email)> ManagerAsync(WebAppFixture app, AppDbContext db, string name, Action<ManagerScope>? scope)
    {
        var manager = await CertificateTestData.CreateLearnerAsync(app, name, JobRole.ServiceManager);
        await AddRoleAsync(app, manager.Id, Roles.Manager);
        if (scope is not null)
        {
            var row = new ManagerScope { UserId = manager.Id, GrantedAtUtc = ReportsSeed.Now };
            scope(row);
            db.ManagerScopes.Add(row);
            await db.SaveChangesAsync();
        }

        return manager;
    }

    private static async Task AddRoleAsync(WebAppFixture app, string userId, string role)
    {
        using var services = app.Services.CreateScope();
        var users = services.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await users.AddToRoleAsync((await users.FindByIdAsync(userId))!, role);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
