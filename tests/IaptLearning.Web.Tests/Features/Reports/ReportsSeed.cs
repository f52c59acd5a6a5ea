using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Records;

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
    TestPerson ManagerA,
    TestPerson ManagerB,
    TestPerson ManagerC,
    TestPerson ManagerWithoutScope,
    TestPerson Learner,
    TestPerson Author)
{
    public static readonly DateTime Now = new(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc);

    public const int BulkPeople = 130;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ReportsSeed? _seed;

    public Task<StaffScope> ScopeAsync(WebAppFixture app, string managerId) =>
        app.ExecuteDbAsync(db => StaffScope.ForAsync(db, WebAppFixture.Principal(managerId, managerId, Roles.Manager)));

    /// <summary>The seed, made on first use and shared by every test after.</summary>
    public static async Task<ReportsSeed> GetAsync(WebAppFixture app)
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
        var now = Now;
        var moduleOne = $"reports-{tag}-one";
        var moduleTwo = $"reports-{tag}-two";
        var org = await app.CreateOrganisationAsync($"Reports trust {tag}",
            new ServiceShape("Service A", "A one", "A two"), new ServiceShape("Service B", "B one"), new ServiceShape("Service C", "C one"));
        var (a1, a2, b1, c1) = (org.TeamA1, org.TeamA2, org.TeamB1, org.Services[2].Teams[0]);

        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        var teams = new Dictionary<string, (int? Team, JobRole? Role)>(StringComparer.Ordinal);
        async Task<string> Person(string key, string name, JobRole role, int team, int? movedFrom = null)
        {
            // No password: nobody here signs in, and hashing 139 of them is slow.
            var person = await app.CreatePersonAsync(name, $"{key}-{tag}@example.nhs.uk", role, movedFrom ?? team, password: null,
                employeeNumber: $"E{key}", inTeamSinceUtc: now.AddYears(-2));
            if (movedFrom is not null)
            {
                await app.MovePersonAsync(person.Id, team, now.AddDays(-20));
            }

            people[key] = person.Id;
            teams[person.Id] = (team, role);
            return person.Id;
        }

        // Planted rows, saved after the people: a save that adds or moves people rebuilds their rows from what they have done.
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
        var alice = await Person("a1", "Alice Ángel", JobRole.PsychologicalWellbeingPractitioner, a1);
        Record(alice, moduleOne, completed: new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc), score: 90, certificate: $"C{tag}A1");
        Record(alice, moduleTwo, due: past);
        var formula = await Person("a2", "=cmd|' /C calc'!A0", JobRole.HighIntensityTherapist, a1);
        Record(formula, moduleOne, due: future, started: now.AddDays(-3), score: 40);
        Record(formula, moduleTwo, due: future);
        var sian = await Person("a3", "Siân Ŵyn 😀, \"Jr\"", JobRole.PsychologicalWellbeingPractitioner, a1);
        Record(sian, moduleOne, due: UkTime.EndOfDayUtc(new DateOnly(2026, 3, 4)), started: now.AddDays(-5));
        Record(sian, moduleTwo, completed: new DateTime(2026, 2, 10, 23, 30, 0, DateTimeKind.Utc), score: 75, certificate: "+SUM(1)");
        var plus = await Person("a4", "+Plus Person", JobRole.Counsellor, a2);
        Record(plus, moduleOne, due: future);
        var minus = await Person("a5", "-Minus\nLine", JobRole.HighIntensityTherapist, a2);
        Record(minus, moduleOne, completed: new DateTime(2025, 1, 10, 10, 0, 0, DateTimeKind.Utc), expires: new DateTime(2026, 1, 10, 10, 0, 0, DateTimeKind.Utc), score: 80);
        Record(minus, moduleTwo, completed: new DateTime(2026, 3, 3, 10, 0, 0, DateTimeKind.Utc), score: 100);

        // Service B, including two people who moved there from A and brought their records.
        var bob = await Person("b1", "@Bob Bryn", JobRole.PsychologicalWellbeingPractitioner, b1);
        // 23:30 UTC on 31 May is 00:30 on 1 June in British Summer Time: a June completion.
        Record(bob, moduleOne, completed: new DateTime(2025, 5, 31, 23, 30, 0, DateTimeKind.Utc), score: 85);
        Record(bob, moduleTwo, due: future, started: now.AddDays(-2));
        var tab = await Person("b2", "\tTab Person", JobRole.Counsellor, b1);
        Record(tab, moduleOne, due: past);
        var moved = await Person("m1", "Moved Alpha", JobRole.PsychologicalWellbeingPractitioner, b1, movedFrom: a1);
        Record(moved, moduleOne, completed: now.AddDays(-90), score: 70, certificate: $"C{tag}M1");
        Record(moved, moduleTwo, due: future);
        var movedToo = await Person("m2", "\rMoved Carriage", JobRole.HighIntensityTherapist, b1, movedFrom: a2);
        Record(movedToo, moduleOne, due: future, started: now.AddDays(-1));

        // Service C: enough rows for three pages, with repeated names and scores so ties need the tiebreak.
        for (var i = 0; i < BulkPeople; i++)
        {
            var id = await Person($"c{i}", i % 10 == 0 ? "Same Name" : $"Person {i % 37:00}", (JobRole)(i % 4), c1);
            var kind = i % 4;
            Record(id, moduleOne,
                due: kind == 3 ? now.AddDays(-(i % 9) - 1) : now.AddDays(i % 30 + 1),
                started: kind == 1 ? now.AddDays(-(i % 5) - 1) : null,
                completed: kind == 2 ? now.AddDays(-(i % 200) - 1) : null,
                score: kind == 2 ? 50 + (i % 5) * 10 : null);
        }

        // As ModuleRecords.RefreshAsync keeps them: each record carries its person's current team and job role.
        foreach (var record in records)
        {
            (record.TeamId, record.JobRole) = teams[record.UserId];
        }

        await app.ExecuteDbAsync(async db =>
        {
            db.ModuleRecords.AddRange(records);
            await db.SaveChangesAsync();
        });

        var managerA = await ManagerAsync(app, "Manager A", services: [org.ServiceA]);
        var managerB = await ManagerAsync(app, "Manager B", services: [org.ServiceB]);
        var managerC = await ManagerAsync(app, "Manager C", teams: [c1]);
        var unscoped = await ManagerAsync(app, "Manager Nobody");
        var learner = await app.CreatePersonAsync("Plain Learner", jobRole: JobRole.HighIntensityTherapist);
        var author = await app.CreatePersonAsync("Plain Author", jobRole: JobRole.HighIntensityTherapist, roles: [Roles.Author]);

        return new ReportsSeed(moduleOne, moduleTwo, org.ServiceA, org.ServiceB, a1, a2, b1, people,
            new HashSet<string>([alice, formula, sian, plus, minus], StringComparer.Ordinal),
            new HashSet<string>([bob, tab, moved, movedToo], StringComparer.Ordinal),
            managerA, managerB, managerC, unscoped, learner, author);
    }

    private static Task<TestPerson> ManagerAsync(WebAppFixture app, string name, int[]? services = null, int[]? teams = null) =>
        app.CreatePersonAsync(name, jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: services, managesTeams: teams);
}
