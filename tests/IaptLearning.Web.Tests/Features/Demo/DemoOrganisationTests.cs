using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Demo;
using IaptLearning.Web.Features.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Demo;

/// <summary>The web app with <c>Accounts:CreateDemoAccounts=true</c>: the demo organisation is created at start-up.</summary>
public sealed class DemoAppFixture() : WebAppFixture(SampleContentPath, fakeClock: true, new Dictionary<string, string> { ["Accounts:CreateDemoAccounts"] = "true" })
{
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
}

public sealed class DemoOrganisationTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task StartUp_DemoAccountsEnabled_CreatesOneOrganisationThreeServicesSixTeams()
    {
        await fixture.ExecuteDbAsync(async db =>
        {
            var organisation = await db.Organisations.Include(o => o.Services).ThenInclude(s => s.Teams).SingleAsync();
            Assert.Equal(DemoOrganisation.OrganisationName, organisation.Name);
            Assert.Equal(3, organisation.Services.Count);
            Assert.All(organisation.Services, s => Assert.Equal(2, s.Teams.Count));
        });
    }

    [Fact]
    public async Task StartUp_DemoAccountsEnabled_120StaffInTeamsPlusManagersAndDemoAccounts()
    {
        await fixture.ExecuteDbAsync(async db =>
        {
            var staffEmails = DemoStaff.Generate(new Random(DemoOrganisation.Seed)).Select(p => p.Email).ToList();
            Assert.Equal(120, staffEmails.Distinct().Count());
            Assert.Equal(120, await db.Users.CountAsync(u => staffEmails.Contains(u.Email!) && u.TeamId != null && u.PasswordHash != null));
            Assert.Equal(120 + 4, await db.Users.CountAsync(u => u.TeamId != null));
            Assert.Equal(120 + 4, await db.TeamMemberships.CountAsync(m => m.ToUtc == null));
            Assert.Equal(3, await db.ManagerScopes.CountAsync());
            Assert.All(await db.Teams.Select(t => db.Users.Count(u => u.TeamId == t.Id)).ToListAsync(), n => Assert.InRange(n, 20, 22));
            Assert.True(await db.Users.CountAsync(u => staffEmails.Contains(u.Email!) && u.EmployeeNumber != null) >= 100);
        });
    }

    [Fact]
    public async Task StartUp_DemoAccountsEnabled_ManagersSignInWithTheDemoPassword()
    {
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, _, _, _, _) in DemoOrganisation.Managers)
        {
            var manager = await users.FindByEmailAsync(email);
            Assert.NotNull(manager);
            Assert.True(await users.CheckPasswordAsync(manager, DemoOrganisation.Password), email);
            Assert.True(await users.IsInRoleAsync(manager, Roles.Manager), email);
        }

        var staff = await users.FindByEmailAsync(DemoStaff.Generate(new Random(DemoOrganisation.Seed))[7].Email);
        Assert.True(await users.CheckPasswordAsync(staff!, DemoOrganisation.Password));
    }

    [Theory]
    [InlineData("manager.north@example.nhs.uk", "Northshire Talking Therapies North", 42)]
    [InlineData("manager.south@example.nhs.uk", "Northshire Talking Therapies South", 41)]
    public async Task ManagerScope_ServiceManager_SeesEveryoneInTheirServiceOnly(string email, string service, int people)
    {
        await fixture.ExecuteDbAsync(async db =>
        {
            var manager = await db.Users.SingleAsync(u => u.Email == email);
            var scope = await StaffScope.ForManagerAsync(db, manager.Id);
            var visible = await scope.Apply(db.Users).Select(u => u.Team!.Service!.Name).ToListAsync();
            Assert.Equal(people, visible.Count);
            Assert.All(visible, s => Assert.Equal(service, s));
            var serviceId = await db.Services.Where(s => s.Name == service).Select(s => s.Id).SingleAsync();
            Assert.Equal(await db.Users.CountAsync(u => u.Team!.ServiceId == serviceId), visible.Count);
        });
    }

    [Fact]
    public async Task ManagerScope_TeamManager_SeesOneTeam()
    {
        await fixture.ExecuteDbAsync(async db =>
        {
            var manager = await db.Users.SingleAsync(u => u.Email == "manager.team@example.nhs.uk");
            var scope = await StaffScope.ForManagerAsync(db, manager.Id);
            var team = Assert.Single(scope.TeamIds);
            Assert.Equal(DemoStaff.TeamName(5), await db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync());
            Assert.Equal(20, await scope.Apply(db.Users).CountAsync());
        });
    }

    [Fact]
    public async Task Records_EveryStatusPresentAndCountsAddUp()
    {
        await fixture.ExecuteDbAsync(async db =>
        {
            var now = fixture.Now;
            var total = await db.ModuleRecords.CountAsync();
            Assert.Equal(124, total);
            var counts = new Dictionary<RecordStatus, int>();
            foreach (var status in Enum.GetValues<RecordStatus>())
            {
                counts[status] = await db.ModuleRecords.CountAsync(RecordStatuses.Is(status, now));
            }

            Assert.Equal(total, counts.Values.Sum());
            Assert.InRange(counts[RecordStatus.Completed], 30, 45);
            Assert.InRange(counts[RecordStatus.Overdue], 10, 60);
            Assert.InRange(counts[RecordStatus.InProgress], 5, 30);
            Assert.InRange(counts[RecordStatus.NotStarted], 10, 50);
            Assert.All(await db.ModuleRecords.ToListAsync(), r => Assert.True(r.IsAssigned));
        });
    }

    [Fact]
    public async Task Records_CompletionsHaveScoresCertificatesAndAShapeOverTime()
    {
        await fixture.ExecuteDbAsync(async db =>
        {
            var now = fixture.Now;
            var completed = await db.ModuleRecords.Where(r => r.CompletedAtUtc != null).ToListAsync();
            Assert.Equal(42, completed.Count);
            Assert.All(completed, r =>
            {
                Assert.NotNull(r.CertificateNumber);
                Assert.NotNull(r.CompletedScorePercent);
                Assert.True(r.CompletedAtUtc <= now);
                Assert.True(r.LessonsCompleted > 0 && r.ActiveSeconds > 0);
            });
            Assert.Equal(42, await db.Certificates.CountAsync());
            Assert.True(await db.AssessmentAttempts.CountAsync(a => a.Passed == false) >= 5, "Some people failed an attempt first.");
            var months = completed.Select(r => (r.CompletedAtUtc!.Value.Year * 12) + r.CompletedAtUtc.Value.Month).Distinct().Count();
            Assert.True(months >= 7, $"Completions fall in {months} months.");
        });
    }

    [Fact]
    public async Task Records_RenewalTeamHasExpiredAndExpiringCompletions()
    {
        await fixture.ExecuteDbAsync(async db =>
        {
            var now = fixture.Now;
            var records = await db.ModuleRecords.Where(r => r.ValidityMonths == 12).ToListAsync();
            Assert.Equal(20, records.Count);
            Assert.Equal(2, records.Count(r => r.CompletedAtUtc is not null && r.ExpiresAtUtc <= now));
            Assert.Equal(2, records.Count(r => RecordStatuses.IsExpiringSoon(r, now)));
        });
    }

    [Fact]
    public async Task Assignments_SixTeamsSomePastSomeFuture()
    {
        await fixture.ExecuteDbAsync(async db =>
        {
            var today = Web.Components.Shared.UkTime.Today(fixture.Now);
            var assignments = await db.Assignments.ToListAsync();
            Assert.Equal(6, assignments.Count);
            Assert.All(assignments, a => Assert.NotNull(a.TeamId));
            Assert.Contains(assignments, a => a.DueDate < today);
            Assert.Contains(assignments, a => a.DueDate > today);
        });
    }

    [Fact]
    public async Task DemoAccounts_PlacedInTeams()
    {
        await fixture.ExecuteDbAsync(async db =>
        {
            foreach (var email in new[] { "learner@example.nhs.uk", "therapist@example.nhs.uk", "author@example.nhs.uk", "admin@example.nhs.uk" })
            {
                Assert.NotNull(await db.Users.Where(u => u.Email == email).Select(u => u.TeamId).SingleAsync());
            }
        });
    }

    [Fact]
    public async Task SeedAsync_AgainAfterStartUp_CreatesNothing()
    {
        await fixture.ExecuteDbAsync(async before =>
        {
            var counts = await CountsAsync(before);
            using var scope = fixture.Services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<DemoOrganisation>().SeedAsync();
            Assert.False(result.Created);
            await fixture.ExecuteDbAsync(async after =>
            {
                Assert.Equal(counts, await CountsAsync(after));
            });
        });
    }

    private static async Task<int[]> CountsAsync(AppDbContext db) =>
    [
        await db.Organisations.CountAsync(), await db.Services.CountAsync(), await db.Teams.CountAsync(),
        await db.Users.CountAsync(), await db.UserRoles.CountAsync(), await db.TeamMemberships.CountAsync(),
        await db.LessonProgress.CountAsync(), await db.AssessmentAttempts.CountAsync(), await db.ModuleCompletions.CountAsync(),
        await db.Certificates.CountAsync(), await db.Assignments.CountAsync(), await db.ModuleRecords.CountAsync(),
    ];
}

/// <summary>The plain test app (Testing, no demo setting), as every other test sees it.</summary>
[Collection(WebAppTests.Name)]
public sealed class DemoOrganisationRefusalTests(WebAppFixture app)
{
    [Fact]
    public async Task SeedAsync_TestingWithoutSetting_RefusesAndWritesNothing()
    {
        using var scope = app.Services.CreateScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoOrganisation>();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => demo.SeedAsync());
        Assert.Contains("only created in Development", e.Message, StringComparison.Ordinal);
        Assert.False(await app.ExecuteDbAsync(db => db.Organisations.AnyAsync(o => o.Name == DemoOrganisation.OrganisationName)));
    }

    [Fact]
    public async Task StartUp_TestingWithoutSetting_NoDemoAccountsOrOrganisation()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Null(await users.FindByEmailAsync("manager.north@example.nhs.uk"));
        Assert.Null(await users.FindByEmailAsync("learner@example.nhs.uk"));
    }
}
