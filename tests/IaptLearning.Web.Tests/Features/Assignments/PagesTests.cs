using System.Net;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Assignments;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Tests.Features.Certificates;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Assignments;

[Collection(WebAppTests.Name)]
public class PagesTests(WebAppFixture app)
{
    private const string WhatILearned = "Reflection-learned-7f3c: my supervisor's advice on stepped care";
    private const string HowItChanges = "Reflection-practice-91ad: I will book follow-ups sooner";

    [Fact]
    public async Task GetLearner_InScope_ShowsTheRecordButNoAnswersOrReflections()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceA]);
        var learner = await app.CreatePersonAsync("Robin Example", teamId: org.TeamA1);
        var certificate = await CertificateSteps.IssueAsync(app, learner.Id);
        await SeedAnswersAndReflectionAsync(learner.Id, certificate.ModuleCompletionId);
        var client = await app.SignInAsync(manager.Email);

        var response = await client.GetAsync(new Uri($"/manage/people/{learner.Id}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Robin Example", html, StringComparison.Ordinal);
        Assert.Contains($"Team A1 {org.Suffix}", html, StringComparison.Ordinal);
        Assert.Contains(certificate.Number, html, StringComparison.Ordinal);
        Assert.Contains("First steps", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Reflection-learned-7f3c", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Reflection-practice-91ad", html, StringComparison.Ordinal);
        var questions = app.SampleModule.Lessons.SelectMany(l => l.Questions).Concat(app.SampleModule.Assessment!.Bank);
        foreach (var question in questions)
        {
            // Prompts, and options long enough not to be ordinary words ("Sample" is in the module's title).
            Assert.DoesNotContain(WebUtility.HtmlEncode(question.PromptText), html, StringComparison.Ordinal);
            Assert.All(question.Options.Where(o => o.Text.Length >= 8), o => Assert.DoesNotContain(WebUtility.HtmlEncode(o.Text), html, StringComparison.Ordinal));
        }

        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.LearnerViewed && e.ActorUserId == manager.Id && e.SubjectUserId == learner.Id));
        });
    }

    [Fact]
    public async Task GetLearner_OtherServiceUnknownOrMovedAway_AnswersNotFoundAlike()
    {
        var org = await app.CreateOrganisationAsync();
        var managerA = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesServices: [org.ServiceA]);
        var inB = await app.CreatePersonAsync("Alex Elsewhere", teamId: org.TeamB1);
        var mover = await app.CreatePersonAsync("Sam Mover", teamId: org.TeamA2);
        var client = await app.SignInAsync(managerA.Email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/manage/people/{mover.Id}", UriKind.Relative))).StatusCode);

        await app.MovePersonAsync(mover.Id, org.TeamB1);

        foreach (var (id, name) in new[] { (inB.Id, inB.Name), (mover.Id, mover.Name), ("no-such-person", "Page not found") })
        {
            var response = await client.GetAsync(new Uri($"/manage/people/{id}", UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Page not found", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Alex Elsewhere", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Sam Mover", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/manage/assignments")]
    [InlineData("/manage/assignments/new")]
    [InlineData("/manage/people/anyone")]
    public async Task Get_Learner_IsNotLetIn(string address)
    {
        var learner = await app.CreatePersonAsync();
        var client = await app.SignInAsync(learner.Email);

        var response = await client.GetAsync(new Uri(address, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAssignments_Manager_ListsOwnAndOffersOnlyOwnTeams()
    {
        var org = await app.CreateOrganisationAsync();
        var manager = await app.CreatePersonAsync(jobRole: JobRole.ServiceManager, roles: [Roles.Manager], managesTeams: [org.TeamA1]);
        await app.CreatePersonAsync(teamId: org.TeamA1);
        var due = UkTime.Today(app.Clock.GetUtcNow().UtcDateTime).AddDays(20);
        var created = await app.Get<AssignmentService>().CreateAsync(manager.Principal, AssignmentSteps.Request(app, TargetKind.Team, team: org.TeamA1, due: due));
        Assert.True(created.Succeeded);
        var client = await app.SignInAsync(manager.Email);

        var list = await client.GetStringAsync(new Uri($"/manage/assignments?assigned={created.Created!.Id}", UriKind.Relative));
        var form = await client.GetStringAsync(new Uri("/manage/assignments/new", UriKind.Relative));

        Assert.Contains($"Team: Team A1 {org.Suffix} (Service A {org.Suffix})", list, StringComparison.Ordinal);
        Assert.Contains($"Assigned Sample module to Team: Team A1 {org.Suffix} (Service A {org.Suffix}): 1 person, due {UkTime.Date(due)}.", list, StringComparison.Ordinal);
        Assert.Contains("<caption", list, StringComparison.Ordinal);
        Assert.Contains("Sample module", form, StringComparison.Ordinal);
        Assert.Contains("Due date", form, StringComparison.Ordinal);
        Assert.Contains("nhsuk-date-input", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCatalogueAndModule_AssignedLearner_SeesAssignedFirstWithDueDateAndFlag()
    {
        var org = await app.CreateOrganisationAsync();
        var learner = await app.CreatePersonAsync(teamId: org.TeamA1);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var due = UkTime.Today(now).AddDays(10);
        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.Add(new Assignment { ModuleSlug = app.SampleModule.Slug, TeamId = org.TeamA1, DueDate = due, CreatedByUserId = learner.Id, CreatedAtUtc = now });
            await db.SaveChangesAsync();
            await IaptLearning.Web.Features.Records.ModuleRecords.RefreshAsync(db, learner.Id, now);
        });

        var client = await app.SignInAsync(learner.Email);
        var catalogue = await client.GetStringAsync(new Uri("/modules", UriKind.Relative));
        var module = await client.GetStringAsync(new Uri("/modules/sample-module", UriKind.Relative));

        Assert.Contains("Assigned to you", catalogue, StringComparison.Ordinal);
        foreach (var html in new[] { catalogue, module })
        {
            Assert.Contains($"due {UkTime.Date(due)}", html, StringComparison.Ordinal);
            Assert.Contains(">Due soon</strong>", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-1, null, ">Overdue</strong>")]
    [InlineData(-1, -370, ">Renewal due</strong>", ">Expired on ")]
    [InlineData(10, -350, ">Completed</strong>", ">Renewal due</strong>", ">Expires on ")]
    [InlineData(-1, -30, ">Completed</strong>")]
    public async Task GetModule_AssignedLearner_FlagsByTheFixtureClock(int dueInDays, int? completedDaysAgo, params string[] flags)
    {
        var org = await app.CreateOrganisationAsync();
        var learner = await app.CreatePersonAsync(teamId: org.TeamA1);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        if (completedDaysAgo is { } days)
        {
            await CertificateSteps.AddCompletionAsync(app, learner.Id);
            await app.ExecuteDbAsync(async seed =>
            {
                await seed.ModuleCompletions.Where(c => c.UserId == learner.Id).ExecuteUpdateAsync(x => x.SetProperty(c => c.CompletedAtUtc, now.AddDays(days)));
            });
        }

        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.Add(new Assignment { ModuleSlug = app.SampleModule.Slug, TeamId = org.TeamA1, DueDate = UkTime.Today(now).AddDays(dueInDays), ValidityMonths = 12, CreatedByUserId = learner.Id, CreatedAtUtc = now });
            await db.SaveChangesAsync();
            await IaptLearning.Web.Features.Records.ModuleRecords.RefreshAsync(db, learner.Id, now);
        });

        var client = await app.SignInAsync(learner.Email);
        var html = await client.GetStringAsync(new Uri("/modules/sample-module", UriKind.Relative));

        Assert.All(flags, flag => Assert.Contains(flag, html, StringComparison.Ordinal));
        var all = new[] { ">Overdue</strong>", ">Due soon</strong>", ">Renewal due</strong>", ">Expired on ", ">Expires on " };
        Assert.All(all.Except(flags), flag => Assert.DoesNotContain(flag, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetCatalogue_NothingAssigned_HasNoAssignedSection()
    {
        var learner = await app.CreatePersonAsync();
        var client = await app.SignInAsync(learner.Email);

        var catalogue = await client.GetStringAsync(new Uri("/modules", UriKind.Relative));

        Assert.DoesNotContain("Assigned to you", catalogue, StringComparison.Ordinal);
        Assert.Contains("Sample module", catalogue, StringComparison.Ordinal);
    }

    private async Task SeedAnswersAndReflectionAsync(string userId, long completionId)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var lesson = app.SampleModule.Lessons[0];
        var question = lesson.Questions[0];
        await app.ExecuteDbAsync(async db =>
        {
            db.LessonProgress.Add(new LessonProgress { UserId = userId, ModuleSlug = app.SampleModule.Slug, LessonSlug = lesson.Slug, FirstVisitedAtUtc = now, LastVisitedAtUtc = now, CompletedAtUtc = now, ActiveMilliseconds = 90_000 });
            db.KnowledgeCheckAnswers.Add(new KnowledgeCheckAnswer { UserId = userId, ModuleSlug = app.SampleModule.Slug, LessonSlug = lesson.Slug, QuestionId = question.Id, ChosenOptions = "0", AnsweredAtUtc = now });
            var bank = app.SampleModule.Assessment!.Bank;
            db.AssessmentAttempts.Add(new AssessmentAttempt
            {
                UserId = userId, ModuleSlug = app.SampleModule.Slug, Number = 1, ModuleVersion = app.SampleModule.Version, ContentHash = app.SampleModule.ContentHash,
                PassMark = 50, StartedAtUtc = now, SubmittedAtUtc = now, QuestionCount = 2, ScorePercent = 50, Passed = false,
                Questions = [.. bank.Take(2).Select((q, i) => new AttemptQuestion { Position = i, QuestionId = q.Id, OptionOrder = "0,1", ChosenOptions = "1", AnsweredAtUtc = now })],
            });
            db.CpdReflections.Add(new CpdReflection { UserId = userId, ModuleCompletionId = completionId, WhatILearned = WhatILearned, HowItWillChangeMyPractice = HowItChanges, UpdatedAtUtc = now });
            await db.SaveChangesAsync();
        });
    }
}
