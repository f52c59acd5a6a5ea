using System.Diagnostics;
using IaptLearning.Content.Model;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Assessment;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Certificates;
using IaptLearning.Web.Features.Learning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Demo;

public sealed record DemoSeedResult(bool Created, int Staff, int Completed, int InProgress, int Certificates, TimeSpan Elapsed);

/// <summary>
/// Development only: one invented organisation with 3 services, 6 teams, 120 staff and their
/// progress on the published modules, so a manager's dashboard has something to show. Skipped
/// when the organisation exists. Listed in the README ("Demo data and logins").
/// </summary>
public sealed class DemoOrganisation(
    IDbContextFactory<AppDbContext> factory,
    ModuleLibrary library,
    CertificateIssuer certificates,
    IPasswordHasher<ApplicationUser> hasher,
    ILookupNormalizer normalizer,
    TimeProvider time,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<DemoOrganisation> logger)
{
    public const string OrganisationName = "Northshire NHS Foundation Trust";

    /// <summary>Fixed, so the demo is the same every time.</summary>
    public const int Seed = 20_260_301;

    /// <summary>Managers: a whole service (index into <see cref="DemoStaff.Services"/>) or one team.</summary>
    public static readonly IReadOnlyList<(string Email, string FullName, JobRole JobRole, int? Service, int? Team)> Managers =
    [
        ("manager.north@example.nhs.uk", "Helen Okafor", JobRole.ServiceManager, 0, null),
        ("manager.south@example.nhs.uk", "David Whitfield", JobRole.ServiceManager, 1, null),
        ("manager.team@example.nhs.uk", "Aisha Rahman", JobRole.Supervisor, null, 5),
    ];

    /// <summary>Every demo login (all share <see cref="Password"/>) and what it is for.</summary>
    public static IEnumerable<(string Email, string Description)> Logins =>
        Managers.Select(m => (m.Email, "manager of " + (m.Service is { } s ? DemoStaff.Services[s].Service : DemoStaff.TeamName(m.Team!.Value))))
            .Concat(DemoAccounts.All.Select(a => (a.Email, $"{string.Join(", ", a.Roles)}, in {DemoStaff.TeamName(DemoAccountTeams[a.Email])}")));

    public const string Password = DemoAccounts.Password;

    /// <summary>The teams the existing demo accounts are placed in.</summary>
    private static readonly IReadOnlyDictionary<string, int> DemoAccountTeams = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["learner@example.nhs.uk"] = 0,
        ["therapist@example.nhs.uk"] = 1,
        ["author@example.nhs.uk"] = 3,
        ["admin@example.nhs.uk"] = 4,
    };

    /// <summary>Days from today each team's assignment is due (negative: already past), and its validity.</summary>
    private static readonly (int DueInDays, int? ValidityMonths)[] TeamAssignments =
    [
        (-45, null), (60, null), (20, null), (-10, null), (120, null), (-120, 12),
    ];

    /// <summary>The team whose assignment needs renewing after 12 months: some completions there are old.</summary>
    private const int RenewalTeam = 5;

    /// <summary>The demo's logins share a published password, so never outside Development unless asked for.</summary>
    public static bool IsAllowed(IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        return environment.IsDevelopment() || configuration.GetValue("Accounts:CreateDemoAccounts", false);
    }

    public async Task<DemoSeedResult> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!IsAllowed(environment, configuration))
        {
            throw new InvalidOperationException(
                $"Demo data is only created in Development or with Accounts:CreateDemoAccounts=true (this is '{environment.EnvironmentName}'): its logins share a published password.");
        }

        var stopwatch = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Organisations.AnyAsync(o => o.Name == OrganisationName, cancellationToken))
        {
            return new DemoSeedResult(false, 0, 0, 0, 0, stopwatch.Elapsed);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var random = new Random(Seed + 1);
        var modules = library.Published.OrderBy(m => m.Slug, StringComparer.Ordinal).ToList();
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, cancellationToken);
        if (!roleIds.ContainsKey(Roles.Learner) || !roleIds.ContainsKey(Roles.Manager))
        {
            throw new InvalidOperationException("The roles do not exist yet: run the demo data after the role seeder.");
        }

        var seed = new Writer(db, random, now, roleIds, hasher.HashPassword(new ApplicationUser(), DemoAccounts.Password), normalizer);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var organisation = new Organisation { Name = OrganisationName, CreatedAtUtc = now.AddYears(-3) };
        var teams = new List<Team>();
        foreach (var (serviceName, _) in DemoStaff.Services)
        {
            var service = new Service { Name = serviceName, CreatedAtUtc = organisation.CreatedAtUtc };
            organisation.Services.Add(service);
            for (var step = 0; step < 2; step++)
            {
                var team = new Team { Name = DemoStaff.TeamName(teams.Count), CreatedAtUtc = organisation.CreatedAtUtc };
                service.Teams.Add(team);
                teams.Add(team);
            }
        }

        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);

        var taken = (await db.Users.Select(u => u.NormalizedEmail).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var managerIds = new List<string>();
        foreach (var (email, fullName, jobRole, serviceIndex, teamIndex) in Managers)
        {
            if (taken.Contains(normalizer.NormalizeEmail(email)))
            {
                continue;
            }

            var manager = seed.AddUser(email, fullName, jobRole, null, null, [Roles.Learner, Roles.Manager]);
            managerIds.Add(manager.Id);
            db.ManagerScopes.Add(new ManagerScope
            {
                UserId = manager.Id,
                Service = serviceIndex is { } s ? organisation.Services[s] : null,
                Team = teamIndex is { } t ? teams[t] : null,
                GrantedAtUtc = now.AddMonths(-11),
            });
        }

        // Their own generator, so the people are DemoStaff.Generate(new Random(Seed)) whatever else is drawn.
        var staff = DemoStaff.Generate(new Random(Seed)).Where(p => !taken.Contains(normalizer.NormalizeEmail(p.Email))).ToList();
        var completed = 0;
        var inProgress = 0;
        var completions = new List<(ModuleCompletion Completion, ContentModule Module)>();
        var completedInTeam = new int[teams.Count];
        foreach (var person in staff)
        {
            var user = seed.AddUser(person.Email, person.FullName, person.JobRole, teams[person.TeamIndex], person.EmployeeNumber, [Roles.Learner]);
            var nthInTeam = person.Progress == DemoProgress.Completed ? completedInTeam[person.TeamIndex]++ : 0;
            foreach (var module in modules)
            {
                switch (person.Progress)
                {
                    case DemoProgress.Completed:
                        completions.Add((seed.Complete(user, module, CompletionTime(random, now, person.TeamIndex, nthInTeam)), module));
                        completed++;
                        break;
                    case DemoProgress.InProgress:
                        seed.Start(user, module);
                        inProgress++;
                        break;
                    default:
                        break;
                }
            }
        }

        // The existing demo accounts (created just before) join teams, so they see assignments too.
        var demoAccounts = await db.Users.Where(u => u.TeamId == null && DemoAccountTeams.Keys.Contains(u.Email!)).ToListAsync(cancellationToken);
        foreach (var account in demoAccounts)
        {
            var team = teams[DemoAccountTeams[account.Email!]];
            account.Team = team;
            db.TeamMemberships.Add(new TeamMembership { UserId = account.Id, Team = team, FromUtc = now.AddMonths(-6) });
        }

        var createdBy = managerIds.FirstOrDefault() ?? demoAccounts.Select(a => a.Id).FirstOrDefault() ?? seed.FirstUserId;
        foreach (var module in modules)
        {
            for (var t = 0; t < teams.Count; t++)
            {
                var (dueInDays, validity) = TeamAssignments[t];
                db.Assignments.Add(new Assignment
                {
                    ModuleSlug = module.Slug,
                    TeamId = teams[t].Id,
                    DueDate = UkTime.Today(now).AddDays(dueInDays),
                    ValidityMonths = validity,
                    CreatedByUserId = createdBy,
                    CreatedAtUtc = now.AddMonths(-10),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var issued = 0;
        foreach (var (completion, module) in completions)
        {
            if (await certificates.IssueAsync(completion.Id, module, cancellationToken) is not null)
            {
                issued++;
            }
        }

        var result = new DemoSeedResult(true, staff.Count, completed, inProgress, issued, stopwatch.Elapsed);
        logger.LogInformation(
            "Demo organisation created: {Staff} staff, {Completed} completions, {InProgress} in progress, {Certificates} certificates, in {Elapsed} ms.",
            result.Staff, result.Completed, result.InProgress, result.Certificates, (int)result.Elapsed.TotalMilliseconds);
        return result;
    }

    /// <summary>
    /// Spread over the last 9 months, more of them recent. In the renewal team the first two are
    /// over a year old (expired) and the next two nearly so (expiring within 30 days).
    /// </summary>
    private static DateTime CompletionTime(Random random, DateTime now, int teamIndex, int nthInTeam)
    {
        var days = teamIndex == RenewalTeam && nthInTeam < 4
            ? (nthInTeam < 2 ? 372 + random.Next(30) : 340 + random.Next(15))
            : 3 + (int)(270 * Math.Pow(random.NextDouble(), 1.4));
        return WorkingHour(random, now.Date.AddDays(-days));
    }

    private static DateTime WorkingHour(Random random, DateTime day) =>
        DateTime.SpecifyKind(day.AddHours(8 + random.Next(9)).AddMinutes(random.Next(60)), DateTimeKind.Utc);

    /// <summary>Adds rows to one context; nothing is saved until the caller saves.</summary>
    private sealed class Writer(
        AppDbContext db,
        Random random,
        DateTime now,
        IReadOnlyDictionary<string, string> roleIds,
        string passwordHash,
        ILookupNormalizer normalizer)
    {
        public string FirstUserId { get; private set; } = "";

        public ApplicationUser AddUser(string email, string fullName, JobRole jobRole, Team? team, string? employeeNumber, string[] roles)
        {
            var created = now.AddDays(-400 - random.Next(800));
            var user = new ApplicationUser
            {
                Id = NextGuid().ToString(),
                UserName = email,
                NormalizedUserName = normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email),
                EmailConfirmed = true,
                // Hashed once for everyone: hashing is deliberately slow (220,000 iterations).
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                FullName = fullName,
                JobRole = jobRole,
                EmployingService = team?.Service?.Name ?? OrganisationName,
                EmployeeNumber = employeeNumber,
                Team = team,
                CreatedAtUtc = created,
            };
            db.Users.Add(user);
            if (FirstUserId.Length == 0)
            {
                FirstUserId = user.Id;
            }

            foreach (var role in roles)
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
            }

            if (team is not null)
            {
                db.TeamMemberships.Add(new TeamMembership { UserId = user.Id, Team = team, FromUtc = created });
            }

            return user;
        }

        /// <summary>Every lesson with active time, a passing attempt (some after a failed one), and the completion.</summary>
        public ModuleCompletion Complete(ApplicationUser user, ContentModule module, DateTime completedAt)
        {
            var started = completedAt.AddDays(-1 - random.Next(20)).AddHours(-random.Next(4));
            AddLessons(user, module, module.Lessons.Length, started, completedAt.AddMinutes(-30));
            if (module.Assessment is not { } assessment)
            {
                return Add(CompletedContent.Completion(user.Id, module, completedAt));
            }

            var number = 1;
            if (random.NextDouble() < 0.3)
            {
                AddAttempt(user, module, assessment, number++, completedAt.AddDays(-1).AddHours(-random.Next(6)), passed: false);
            }

            var attempt = AddAttempt(user, module, assessment, number, completedAt, passed: true);
            var completion = CompletedContent.Completion(user.Id, attempt, module, completedAt);
            completion.Attempt = attempt;
            return Add(completion);
        }

        /// <summary>Some lessons done; a few finished every lesson and failed the assessment once.</summary>
        public void Start(ApplicationUser user, ContentModule module)
        {
            var started = WorkingHour(random, now.Date.AddDays(-2 - random.Next(60)));
            var lastActivity = started.AddDays(random.Next(1, Math.Max(2, (now - started).Days)));
            if (module.Assessment is { } assessment && module.Lessons.Length > 0 && random.NextDouble() < 0.2)
            {
                AddLessons(user, module, module.Lessons.Length, started, lastActivity);
                AddAttempt(user, module, assessment, 1, lastActivity.AddMinutes(40), passed: false);
                return;
            }

            var done = module.Lessons.Length <= 1 ? 0 : random.Next(1, module.Lessons.Length);
            AddLessons(user, module, done, started, lastActivity);
            if (done < module.Lessons.Length)
            {
                // Opened the next lesson and left part-way.
                var lesson = module.Lessons[done];
                AddLesson(user, module, lesson, lastActivity, lastActivity, 1, lesson.Duration.TotalMilliseconds * random.NextDouble() * 0.6, completed: false);
            }
        }

        private ModuleCompletion Add(ModuleCompletion completion)
        {
            db.ModuleCompletions.Add(completion);
            return completion;
        }

        private void AddLessons(ApplicationUser user, ContentModule module, int count, DateTime from, DateTime to)
        {
            var step = count == 0 ? TimeSpan.Zero : (to - from) / count;
            for (var i = 0; i < count; i++)
            {
                var lesson = module.Lessons[i];
                var first = from + (step * i);
                var visits = 1 + random.Next(3);
                var last = visits == 1 ? first : first + (step * 0.8 * random.NextDouble());
                var needed = Math.Max(lesson.Duration.TotalMilliseconds, (lesson.MinTime ?? TimeSpan.Zero).TotalMilliseconds * 1.05);
                AddLesson(user, module, lesson, first, last, visits, needed * (0.9 + (random.NextDouble() * 0.7)), completed: true);
            }
        }

        private void AddLesson(ApplicationUser user, ContentModule module, Lesson lesson, DateTime first, DateTime last, int visits, double activeMilliseconds, bool completed) =>
            db.LessonProgress.Add(new LessonProgress
            {
                UserId = user.Id,
                ModuleSlug = module.Slug,
                LessonSlug = lesson.Slug,
                FirstVisitedAtUtc = first,
                LastVisitedAtUtc = last,
                LastCreditedAtUtc = last,
                VisitCount = visits,
                ActiveMilliseconds = (long)activeMilliseconds,
                CompletedAtUtc = completed ? last : null,
                CompletedContentHash = completed ? lesson.ContentHash : null,
            });

        private AssessmentAttempt AddAttempt(ApplicationUser user, ContentModule module, Content.Model.Assessment assessment, int number, DateTime submitted, bool passed)
        {
            var drawn = AttemptPlanner.Draw(assessment, random);
            var total = drawn.Count;
            var needed = (assessment.PassMark * total + 99) / 100;
            var correct = passed ? random.Next(needed, total + 1) : random.Next(Math.Max(0, needed - 4), Math.Max(1, needed));
            var right = Enumerable.Range(0, total).ToArray();
            random.Shuffle(right);
            var isRight = right.Take(correct).ToHashSet();
            var answers = drawn.Select((d, i) =>
            {
                var question = assessment.Bank.First(q => string.Equals(q.Id, d.QuestionId, StringComparison.Ordinal));
                var options = question.Options.Where(o => o.IsCorrect == isRight.Contains(i)).Select(o => o.Index).ToList();
                IReadOnlyList<int> chosen = isRight.Contains(i) ? options : options.Count == 0 ? [] : [options[random.Next(options.Count)]];
                return (Drawn: d, Question: question, Chosen: chosen);
            }).ToList();
            var result = QuizGrader.Grade(answers.Select(a => (a.Question, a.Chosen)), assessment.PassMark);
            var started = submitted.AddMinutes(-8 - random.Next(20));
            var attempt = CompletedContent.Attempt(user.Id, module, assessment, number, started);
            attempt.SubmittedAtUtc = submitted;
            attempt.QuestionCount = total;
            attempt.CorrectCount = result.Correct;
            attempt.ScorePercent = result.Percent;
            attempt.Passed = result.Passed;
            attempt.Questions = [.. answers.Select((a, i) => new AttemptQuestion
            {
                Position = i,
                QuestionId = a.Drawn.QuestionId,
                OptionOrder = OptionList.FormatInOrder(a.Drawn.OptionOrder),
                ChosenOptions = OptionList.Format(a.Chosen),
                AnsweredAtUtc = started.AddMinutes(i + 1),
                IsCorrect = result.Questions[i].IsCorrect,
            })];
            db.AssessmentAttempts.Add(attempt);
            return attempt;
        }

        private Guid NextGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }
    }
}
