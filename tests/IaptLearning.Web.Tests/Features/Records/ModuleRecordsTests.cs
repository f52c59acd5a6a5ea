using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Admin;
using IaptLearning.Web.Features.Assignments;
using IaptLearning.Web.Features.Records;
using IaptLearning.Web.Tests.Features.Certificates;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Records;

[Collection(WebAppTests.Name)]
public class ModuleRecordsTests(WebAppFixture app)
{
    private string Slug => app.SampleModule.Slug;
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task RefreshAsync_LearningRecords_AreSummarised()
    {
        var org = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(teamId: org.TeamA1);
        var now = Now;
        await app.ExecuteDbAsync(async db =>
        {
            db.LessonProgress.AddRange(
                new LessonProgress { UserId = person.Id, ModuleSlug = Slug, LessonSlug = "first-steps", FirstVisitedAtUtc = now.AddDays(-3), LastVisitedAtUtc = now.AddDays(-2), CompletedAtUtc = now.AddDays(-2), ActiveMilliseconds = 90_400 },
                new LessonProgress { UserId = person.Id, ModuleSlug = Slug, LessonSlug = "second-steps", FirstVisitedAtUtc = now.AddDays(-2), LastVisitedAtUtc = now.AddDays(-1), ActiveMilliseconds = 30_000 });
            db.AssessmentAttempts.AddRange(
                Attempt(person.Id, 1, now.AddHours(-5), 40),
                Attempt(person.Id, 2, now.AddHours(-4), 80),
                Attempt(person.Id, 3, null, null));
            await db.SaveChangesAsync();
            var certificate = await CertificateSteps.IssueAsync(app, person.Id);

            await ModuleRecords.RefreshAsync(db, person.Id, now);

            var record = await db.ModuleRecords.AsNoTracking().SingleAsync(r => r.UserId == person.Id);
            Assert.Equal(Slug, record.ModuleSlug);
            Assert.False(record.IsAssigned);
            Assert.Null(record.DueAtUtc);
            Assert.Equal(now.AddDays(-3), record.StartedAtUtc);
            Assert.Equal(now.AddHours(-4), record.LastActivityAtUtc);
            Assert.Equal(1, record.LessonsCompleted);
            Assert.Equal(120, record.ActiveSeconds);
            Assert.Equal(2, record.AttemptCount);
            Assert.Equal(80, record.BestScorePercent);
            Assert.Equal(certificate.IssuedAtUtc.Date, record.CompletedAtUtc!.Value.Date);
            Assert.Equal("1.0.0", record.CompletedVersion);
            Assert.Equal(certificate.Number, record.CertificateNumber);
            Assert.Null(record.ExpiresAtUtc);
            Assert.Equal(now, record.UpdatedAtUtc);
        });
    }

    [Fact]
    public async Task RefreshAsync_RevokedCertificate_IsNotShown()
    {
        var person = await app.CreatePersonAsync();
        var certificate = await CertificateSteps.IssueAsync(app, person.Id);
        await app.ExecuteDbAsync(async db =>
        {
            await db.Certificates.Where(c => c.Id == certificate.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAtUtc, Now));

            await ModuleRecords.RefreshAsync(db, person.Id, Now);

            var record = await db.ModuleRecords.AsNoTracking().SingleAsync(r => r.UserId == person.Id);
            Assert.NotNull(record.CompletedAtUtc);
            Assert.Null(record.CertificateNumber);
        });
    }

    [Fact]
    public async Task RefreshAsync_SeveralAssignments_TakesEarliestDueAndShortestValidity()
    {
        var org = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(teamId: org.TeamA1, jobRole: JobRole.Counsellor);
        var completedAt = Now;
        await CertificateSteps.AddCompletionAsync(app, person.Id);
        var today = UkTime.Today(Now);
        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.AddRange(
                Assignment(a => { a.TeamId = org.TeamA1; a.DueDate = today.AddDays(30); a.ValidityMonths = 24; }),
                Assignment(a => { a.ServiceId = org.ServiceA; a.JobRole = JobRole.Counsellor; a.DueDate = today.AddDays(10); }),
                Assignment(a => { a.UserId = person.Id; a.DueDate = today.AddDays(60); a.ValidityMonths = 12; }),
                Assignment(a => { a.UserId = person.Id; a.DueDate = today.AddDays(1); a.ValidityMonths = 1; a.RemovedAtUtc = Now; }),
                Assignment(a => { a.ServiceId = org.ServiceA; a.JobRole = JobRole.HighIntensityTherapist; a.DueDate = today; }));
            await db.SaveChangesAsync();

            await ModuleRecords.RefreshAsync(db, person.Id, Now);

            var record = await db.ModuleRecords.AsNoTracking().SingleAsync(r => r.UserId == person.Id);
            Assert.True(record.IsAssigned);
            Assert.Equal(UkTime.EndOfDayUtc(today.AddDays(10)), record.DueAtUtc);
            Assert.Equal(12, record.ValidityMonths);
            Assert.Equal(completedAt.AddMonths(12), record.ExpiresAtUtc);
        });
    }

    [Fact]
    public async Task RefreshAsync_NewStarterInTeamWithOverdueAssignment_IsDueJoiningPlusDays()
    {
        var org = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(teamId: org.TeamA1, inTeamSinceUtc: Now);
        var today = UkTime.Today(Now);
        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.Add(Assignment(a => { a.TeamId = org.TeamA1; a.DueDate = today.AddDays(-5); }));
            await db.SaveChangesAsync();

            var record = await db.ModuleRecords.AsNoTracking().SingleAsync(r => r.UserId == person.Id);
            Assert.Equal(UkTime.EndOfDayUtc(today.AddDays(28)), record.DueAtUtc);
            Assert.Equal(Now, record.NewStarterJoinedAtUtc);
            Assert.Equal($"new starter: 28 days from joining on {UkTime.Date(Now)}", ModuleRecords.NewStarterNote(record.DueAtUtc, record.NewStarterJoinedAtUtc));
        });
    }

    [Fact]
    public async Task RefreshAsync_JoinedLongAgo_IsDueTheTeamsDate()
    {
        var org = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(teamId: org.TeamA1, inTeamSinceUtc: Now.AddMonths(-6));
        var today = UkTime.Today(Now);
        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.Add(Assignment(a => { a.TeamId = org.TeamA1; a.DueDate = today.AddDays(-5); }));
            await db.SaveChangesAsync();

            var record = await db.ModuleRecords.AsNoTracking().SingleAsync(r => r.UserId == person.Id);
            Assert.Equal(UkTime.EndOfDayUtc(today.AddDays(-5)), record.DueAtUtc);
            Assert.Null(record.NewStarterJoinedAtUtc);
        });
    }

    [Fact]
    public async Task RefreshAsync_CustomNewStarterDaysAndPersonalAssignment_TakesTheEarliest()
    {
        var org = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(teamId: org.TeamA1, inTeamSinceUtc: Now);
        var today = UkTime.Today(Now);
        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.Add(Assignment(a => { a.TeamId = org.TeamA1; a.DueDate = today.AddDays(-5); a.NewStarterDays = 60; }));
            db.Assignments.Add(Assignment(a => { a.UserId = person.Id; a.DueDate = today.AddDays(-2); }));
            await db.SaveChangesAsync();

            var record = await db.ModuleRecords.AsNoTracking().SingleAsync(r => r.UserId == person.Id);
            Assert.Equal(UkTime.EndOfDayUtc(today.AddDays(-2)), record.DueAtUtc);
            Assert.Null(record.NewStarterJoinedAtUtc);

            (await db.Assignments.SingleAsync(a => a.UserId == person.Id)).RemovedAtUtc = Now;
            await db.SaveChangesAsync();
            record = await db.ModuleRecords.AsNoTracking().SingleAsync(r => r.UserId == person.Id);
            Assert.Equal(UkTime.EndOfDayUtc(today.AddDays(60)), record.DueAtUtc);
        });
    }

    [Fact]
    public async Task Save_MovedTeam_CountsFromTheMove()
    {
        var org = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(teamId: org.TeamA1, inTeamSinceUtc: Now.AddMonths(-6));
        var today = UkTime.Today(Now);
        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.Add(Assignment(a => { a.TeamId = org.TeamA2; a.DueDate = today.AddDays(-5); }));
            await db.SaveChangesAsync();
        });

        Assert.True((await app.Get<PeopleAdmin>().MoveTeamAsync(person.Id, org.TeamA2, WebAppFixture.AdminActor())).Succeeded);

        var row = await RowAsync(person.Id);
        Assert.Equal(UkTime.EndOfDayUtc(today.AddDays(28)), row?.DueAtUtc);
        Assert.NotNull(row?.NewStarterJoinedAtUtc);
    }

    [Fact]
    public async Task RefreshAsync_AssignmentWithdrawn_RemovesAnUntouchedRowAndKeepsAStartedOne()
    {
        var org = await app.CreateOrganisationAsync();
        var untouched = await app.CreatePersonAsync(teamId: org.TeamA2);
        var started = await app.CreatePersonAsync(teamId: org.TeamA2);
        await app.ExecuteDbAsync(async db =>
        {
            var assignment = Assignment(a => { a.TeamId = org.TeamA2; a.DueDate = UkTime.Today(Now).AddDays(5); });
            db.Assignments.Add(assignment);
            db.LessonProgress.Add(new LessonProgress { UserId = started.Id, ModuleSlug = Slug, LessonSlug = "first-steps", FirstVisitedAtUtc = Now, LastVisitedAtUtc = Now });
            await db.SaveChangesAsync();
            await ModuleRecords.RefreshAsync(db, [untouched.Id, started.Id], Now);
            Assert.Equal(2, await db.ModuleRecords.CountAsync(r => r.IsAssigned && (r.UserId == untouched.Id || r.UserId == started.Id)));

            assignment.RemovedAtUtc = Now;
            await db.SaveChangesAsync();
            await ModuleRecords.RefreshAsync(db, [untouched.Id, started.Id], Now);

            Assert.False(await db.ModuleRecords.AnyAsync(r => r.UserId == untouched.Id));
            var kept = await db.ModuleRecords.AsNoTracking().SingleAsync(r => r.UserId == started.Id);
            Assert.False(kept.IsAssigned);
            Assert.Null(kept.DueAtUtc);
            Assert.NotNull(kept.StartedAtUtc);
        });
    }

    [Fact]
    public async Task RefreshAsync_MoreThanOneChunkAndTwice_RefreshesEveryoneOnce()
    {
        var org = await app.CreateOrganisationAsync();
        var ids = Enumerable.Range(0, 450).Select(_ => Guid.NewGuid().ToString()).ToList();
        await app.ExecuteDbAsync(async db =>
        {
            // Bare rows in one save rather than CreatePersonAsync: this is of RefreshAsync's chunking, and 450 people one by one are slow.
            db.Users.AddRange(ids.Select(id => new ApplicationUser { Id = id, UserName = id + "@example.nhs.uk", Email = id + "@example.nhs.uk", TeamId = org.TeamB1 }));
            db.Assignments.Add(Assignment(a => { a.TeamId = org.TeamB1; a.DueDate = UkTime.Today(Now).AddDays(5); }));
            await db.SaveChangesAsync();

            await ModuleRecords.RefreshAsync(db, ids.Concat(ids.Take(10)), Now);
            await ModuleRecords.RefreshAsync(db, ids, Now);

            Assert.Equal(450, await db.ModuleRecords.CountAsync(r => ids.Contains(r.UserId) && r.IsAssigned));
        });
    }

    [Fact]
    public async Task PeopleTouchedBy_JobRoleInTeam_IsThatRoleInThatTeamOnly()
    {
        var org = await app.CreateOrganisationAsync();
        var match = await app.CreatePersonAsync(teamId: org.TeamA1, jobRole: JobRole.Counsellor);
        await app.CreatePersonAsync(teamId: org.TeamA1, jobRole: JobRole.Supervisor);
        await app.CreatePersonAsync(teamId: org.TeamA2, jobRole: JobRole.Counsellor);
        await app.ExecuteDbAsync(async db =>
        {
            var people = await ModuleRecords.PeopleTouchedBy(db, Assignment(a => { a.TeamId = org.TeamA1; a.JobRole = JobRole.Counsellor; })).ToListAsync();
            var service = await ModuleRecords.PeopleTouchedBy(db, Assignment(a => a.ServiceId = org.ServiceA)).CountAsync();

            Assert.Equal([match.Id], people);
            Assert.Equal(3, service);
        });
    }

    [Theory]
    [InlineData(null, null, null, null, false, true)]
    [InlineData(null, 1, null, null, false, true)]
    [InlineData(null, 2, null, null, false, false)]
    [InlineData(null, null, 10, JobRole.Counsellor, false, true)]
    [InlineData(null, null, 10, JobRole.Supervisor, false, false)]
    [InlineData(null, null, 11, null, false, false)]
    [InlineData("someone-else", null, null, null, false, false)]
    [InlineData("me", null, null, null, false, true)]
    [InlineData("me", null, null, null, true, false)]
    public void AppliesTo_Conjunction_OfTheFieldsSet(string? userId, int? teamId, int? serviceId, JobRole? role, bool removed, bool expected)
    {
        var assignment = new Assignment
        {
            ModuleSlug = "m", CreatedByUserId = "x", UserId = userId, TeamId = teamId, ServiceId = serviceId, JobRole = role,
            RemovedAtUtc = removed ? DateTime.UnixEpoch : null,
        };
        Assert.Equal(expected, ModuleRecords.AppliesTo(assignment, "me", 1, 10, JobRole.Counsellor));
    }

    // The funnel: every test below changes what the records read with a plain SaveChanges and no
    // refresh call, and the row moves. A writer that bypasses the interceptor fails one of these.

    private async Task<ModuleRecord?> RowAsync(string userId)
    {
        return await app.ExecuteDbAsync(db => db.ModuleRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.ModuleSlug == Slug));
    }

    [Fact]
    public async Task Save_LessonProgress_MovesTheRow()
    {
        var person = await app.CreatePersonAsync();
        await app.ExecuteDbAsync(async db =>
        {
            db.LessonProgress.Add(new LessonProgress { UserId = person.Id, ModuleSlug = Slug, LessonSlug = "first-steps", FirstVisitedAtUtc = Now, LastVisitedAtUtc = Now, CompletedAtUtc = Now });
            await db.SaveChangesAsync();
        });

        var row = await RowAsync(person.Id);
        Assert.Equal(1, row?.LessonsCompleted);
        Assert.Equal(Now, row?.StartedAtUtc);
    }

    [Fact]
    public async Task Save_AssessmentAttempt_MovesTheRow()
    {
        var person = await app.CreatePersonAsync();
        await app.ExecuteDbAsync(async db =>
        {
            db.AssessmentAttempts.Add(Attempt(person.Id, 1, Now, 70));
            await db.SaveChangesAsync();
        });

        var row = await RowAsync(person.Id);
        Assert.Equal(1, row?.AttemptCount);
        Assert.Equal(70, row?.BestScorePercent);
    }

    [Fact]
    public async Task Save_CompletionAndRevocation_MoveTheRow()
    {
        var person = await app.CreatePersonAsync();
        var certificate = await CertificateSteps.IssueAsync(app, person.Id);
        Assert.Equal(certificate.Number, (await RowAsync(person.Id))?.CertificateNumber);

        await app.ExecuteDbAsync(async db =>
        {
            var tracked = await db.Certificates.SingleAsync(c => c.Id == certificate.Id);
            tracked.RevokedAtUtc = Now;
            await db.SaveChangesAsync();
        });

        var row = await RowAsync(person.Id);
        Assert.NotNull(row?.CompletedAtUtc);
        Assert.Null(row?.CertificateNumber);
    }

    [Fact]
    public async Task Save_TeamAssignmentAndWithdrawal_MoveTheRow()
    {
        var org = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(teamId: org.TeamA1);
        var assignment = Assignment(a => { a.TeamId = org.TeamA1; a.DueDate = UkTime.Today(Now).AddDays(7); });
        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
        });

        Assert.Equal(UkTime.EndOfDayUtc(UkTime.Today(Now).AddDays(7)), (await RowAsync(person.Id))?.DueAtUtc);

        await app.ExecuteDbAsync(async db =>
        {
            var tracked = await db.Assignments.SingleAsync(a => a.Id == assignment.Id);
            tracked.RemovedAtUtc = Now;
            await db.SaveChangesAsync();
        });

        Assert.Null(await RowAsync(person.Id));
    }

    [Fact]
    public async Task Save_MoveAndNewJobRole_MoveTheRow()
    {
        var org = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(teamId: org.TeamA1, jobRole: JobRole.Counsellor);
        await CertificateSteps.AddCompletionAsync(app, person.Id);
        Assert.Equal(org.TeamA1, (await RowAsync(person.Id))?.TeamId);

        await app.MovePersonAsync(person.Id, org.TeamB1);
        Assert.Equal(org.TeamB1, (await RowAsync(person.Id))?.TeamId);

        await app.ExecuteDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == person.Id);
            user.JobRole = JobRole.Supervisor;
            await db.SaveChangesAsync();
        });

        Assert.Equal(JobRole.Supervisor, (await RowAsync(person.Id))?.JobRole);
    }

    [Fact]
    public async Task Save_ImportedIntoATeamWhoseDateHasPassed_GetsANewStartersDate()
    {
        var org = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var due = UkTime.Today(Now).AddDays(-14);
        await app.ExecuteDbAsync(async db =>
        {
            db.Assignments.Add(Assignment(a => { a.TeamId = org.TeamA1; a.DueDate = due; }));
            await db.SaveChangesAsync();
        });
        var email = $"imported-{Guid.NewGuid():N}@example.nhs.uk";
        var importer = app.Get<StaffImporter>();
        using var csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            $"Email,Name,Job role,Team,Employee number\r\n{email},Imported Person,Counsellor,{org.ServiceAName} / Step 2,\r\n"));
        var preview = await importer.PreviewAsync(csv, org.Id);
        Assert.True(preview.CanImport, string.Join(" ", preview.FileErrors.Concat(preview.Rows.SelectMany(r => r.Errors))));

        Assert.True((await importer.ImportAsync(preview.Rows, WebAppFixture.AdminActor(), "https://learning.example.nhs.uk/")).Succeeded);

        var id = await app.ExecuteDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var row = await RowAsync(id);
        Assert.Equal((org.TeamA1, JobRole.Counsellor, UkTime.EndOfDayUtc(UkTime.Today(Now).AddDays(28))), (row?.TeamId, row?.JobRole, row?.DueAtUtc));
        Assert.NotNull(row?.NewStarterJoinedAtUtc);
    }

    [Fact]
    public async Task Save_AttemptsResetThroughTheService_MoveTheRow()
    {
        var (_, manager, person) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        await app.ExecuteDbAsync(async db =>
        {
            db.AssessmentAttempts.AddRange(Attempt(person.Id, 1, Now.AddHours(-2), 40), Attempt(person.Id, 2, Now.AddHours(-1), 50));
            await db.SaveChangesAsync();
        });
        Assert.Equal(2, (await RowAsync(person.Id))?.AttemptCount);

        Assert.Equal((ResetOutcome.Reset, 2), await app.Get<LearnerRecordService>().ResetAttemptsAsync(manager.Principal, person.Id, Slug, "Retrained on the format"));

        var row = await RowAsync(person.Id);
        Assert.Equal(0, row?.AttemptCount);
        Assert.Equal(50, row?.BestScorePercent);
    }

    [Fact]
    public async Task Save_ExemptionGrantedAndRevokedThroughTheService_MoveTheRow()
    {
        var (_, manager, person) = await StaffSteps.ServiceManagerAndPersonAsync(app);
        await app.ExecuteDbAsync(async db =>
        {
            db.LessonProgress.Add(new LessonProgress { UserId = person.Id, ModuleSlug = Slug, LessonSlug = "first-steps", FirstVisitedAtUtc = Now, LastVisitedAtUtc = Now });
            await db.SaveChangesAsync();
        });
        Assert.Null((await RowAsync(person.Id))?.MinTimeExemptUntilUtc);
        var service = app.Get<LearnerRecordService>();

        Assert.Equal(ExemptionOutcome.Done, await service.GrantExemptionAsync(manager.Principal, person.Id, Slug, "Reasonable adjustment: screen reader", null));
        Assert.Equal(DateTime.MaxValue, (await RowAsync(person.Id))?.MinTimeExemptUntilUtc);

        var exemption = await app.ExecuteDbAsync(db => db.MinTimeExemptions.Where(e => e.UserId == person.Id).Select(e => e.Id).SingleAsync());
        Assert.Equal(ExemptionOutcome.Done, await service.RevokeExemptionAsync(manager.Principal, person.Id, exemption));
        Assert.Null((await RowAsync(person.Id))?.MinTimeExemptUntilUtc);
    }

    private Assignment Assignment(Action<Assignment> set)
    {
        var assignment = new Assignment { ModuleSlug = Slug, CreatedByUserId = "test", CreatedAtUtc = Now, DueDate = UkTime.Today(Now).AddDays(30) };
        set(assignment);
        return assignment;
    }

    private AssessmentAttempt Attempt(string userId, int number, DateTime? submitted, int? score) => new()
    {
        UserId = userId, ModuleSlug = Slug, Number = number, ModuleVersion = "1.0.0", ContentHash = app.SampleModule.ContentHash, PassMark = 90,
        StartedAtUtc = (submitted ?? Now).AddMinutes(-10), SubmittedAtUtc = submitted, ScorePercent = score, Passed = score is null ? null : false, QuestionCount = 2,
    };
}
