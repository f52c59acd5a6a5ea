using System.Globalization;
using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Benchmarks.Reports;

/// <summary>
/// A SQLite file with 1 organisation, 10 services, 100 teams and 50,000 staff, each with 5 lesson
/// progress rows (250,000) and 5 assigned modules whose <see cref="ModuleRecord"/> rows agree with
/// that progress (250,000). Built once into the temp folder (about half a minute) and reused by
/// every run while its name (<see cref="Version"/>) is unchanged.
/// </summary>
public static class ReportsDatabase
{
    public const int Staff = 50_000;
    public const int Services = 10;
    public const int TeamsPerService = 10;
    public const int Modules = 5;
    public const int LessonsPerPerson = 5;
    private const string Version = "v2";

    public static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"iapt-reports-benchmark-{Version}.db");

    public static string ConnectionString => $"Data Source={Path}";

    // Identity's model depends on its options: schema version 3 (passkeys), as the app sets it.
    private static readonly ServiceProvider IdentityServices = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public static DbContextOptions<AppDbContext> Options() => Options(ConnectionString);

    private static DbContextOptions<AppDbContext> Options(string connectionString) => new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(connectionString)
        .UseApplicationServiceProvider(IdentityServices)
        .Options;

    public static string Module(int index) => $"module-{index + 1}";

    /// <summary>The first service's id (its manager sees a tenth of everyone).</summary>
    public static int FirstServiceId { get; private set; }

    public static async Task EnsureAsync()
    {
        if (File.Exists(Path))
        {
            await using var existing = new AppDbContext(Options());
            FirstServiceId = await existing.Services.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            return;
        }

        var building = Path + ".building";
        File.Delete(building);
        await using (var db = new AppDbContext(Options($"Data Source={building}")))
        {
            await db.Database.MigrateAsync();
            var organisation = new Organisation { Name = "Benchmark NHS Foundation Trust", CreatedAtUtc = Now };
            for (var s = 0; s < Services; s++)
            {
                var service = new Service { Name = $"Talking Therapies {s + 1:00}", CreatedAtUtc = Now };
                for (var t = 0; t < TeamsPerService; t++)
                {
                    service.Teams.Add(new Team { Name = $"Team {s + 1:00}-{t + 1:00}", CreatedAtUtc = Now });
                }

                organisation.Services.Add(service);
            }

            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var teamIds = organisation.Services.SelectMany(s => s.Teams).Select(t => t.Id).ToArray();
            await InsertPeopleAsync((SqliteConnection)db.Database.GetDbConnection(), teamIds);
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, Path);
        await EnsureAsync();
    }

    private static async Task InsertPeopleAsync(SqliteConnection connection, int[] teamIds)
    {
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var user = Command(connection, transaction,
            "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, FullName, JobRole, EmployeeNumber, TeamId, CreatedAtUtc) " +
            "VALUES ($id, $email, $upper, $email, $upper, 1, $id, 0, 0, 1, 0, $name, $role, $number, $team, $now)",
            "$id", "$email", "$upper", "$name", "$role", "$number", "$team", "$now");
        var progress = Command(connection, transaction,
            "INSERT INTO LessonProgress (UserId, ModuleSlug, LessonSlug, FirstVisitedAtUtc, LastVisitedAtUtc, VisitCount, ActiveMilliseconds, CompletedAtUtc) " +
            "VALUES ($user, $module, $lesson, $first, $last, 1, 600000, $completed)",
            "$user", "$module", "$lesson", "$first", "$last", "$completed");
        var record = Command(connection, transaction,
            "INSERT INTO ModuleRecords (UserId, TeamId, JobRole, ModuleSlug, IsAssigned, DueAtUtc, StartedAtUtc, LastActivityAtUtc, LessonsCompleted, ActiveSeconds, AttemptCount, BestScorePercent, CompletedAtUtc, CompletedVersion, CompletedScorePercent, CertificateNumber, UpdatedAtUtc) " +
            "VALUES ($user, $team, $role, $module, 1, $due, $started, $started, $lessons, $seconds, $attempts, $score, $completed, $version, $score, $certificate, $now)",
            "$user", "$team", "$role", "$module", "$due", "$started", "$lessons", "$seconds", "$attempts", "$score", "$completed", "$version", "$certificate", "$now");
        var roles = Enum.GetNames<JobRole>();
        var surnames = new[] { "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths", "Smith", "Patel", "Khan", "O'Brien", "Nguyễn" };
        var given = new[] { "Siân", "Rhys", "Aisha", "Tom", "Zoë", "Mohammed", "Ffion", "Grace", "Ali", "Beth", "Dylan", "Priya" };
        var random = new Random(20261126);
        for (var p = 0; p < Staff; p++)
        {
            var id = $"user-{p:00000}";
            var email = $"person{p:00000}@example.nhs.uk";
            var name = $"{given[random.Next(given.Length)]} {surnames[random.Next(surnames.Length)]} {p}";
            var role = roles[random.Next(roles.Length)];
            var team = teamIds[p % teamIds.Length];
            Run(user, id, email, email.ToUpperInvariant(), name, role, $"E{p:0000000}", team, Date(Now.AddDays(-800)));

            // Which modules this person has started, and so where their five lesson rows go.
            var started = Enumerable.Range(0, Modules).Where(_ => random.NextDouble() < 0.6).ToList();
            if (started.Count == 0)
            {
                started.Add(p % Modules);
            }

            for (var m = 0; m < Modules; m++)
            {
                var due = Now.AddDays(random.Next(-120, 180)).Date.AddDays(1);
                var lessons = started.Contains(m) ? Enumerable.Range(0, LessonsPerPerson).Count(l => started[l % started.Count] == m) : 0;
                if (lessons == 0)
                {
                    Run(record, id, team, role, Module(m), Date(due), null, 0, 0, 0, null, null, null, null, Date(Now));
                    continue;
                }

                var first = Now.AddDays(-random.Next(1, 400));
                var completed = random.NextDouble() < 0.55 ? first.AddDays(random.Next(0, 20)) : (DateTime?)null;
                for (var l = 0; l < lessons; l++)
                {
                    Run(progress, id, Module(m), $"lesson-{l + 1}", Date(first), Date(first.AddDays(l)), completed is null ? null : Date(first.AddDays(l)));
                }

                var score = completed is null ? (int?)null : random.Next(60, 101);
                Run(record, id, team, role, Module(m), Date(due), Date(first), lessons, lessons * 600, completed is null ? 0 : 1, score,
                    completed is { } c ? Date(c) : null, completed is null ? null : "1.0.0", completed is null ? null : $"IAPT-{p:00000}-{m}", Date(Now));
            }
        }

        await transaction.CommitAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    // The text form EF Core's SQLite provider writes and compares.
    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
