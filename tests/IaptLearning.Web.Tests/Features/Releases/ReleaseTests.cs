using System.Diagnostics;
using System.Net;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Releases;
using IaptLearning.Web.Tests.Features.Authoring;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IaptLearning.Web.Tests.Features.Releases;

/// <summary>
/// What learners get is a release in the database: restarts, broken or deleted folders and
/// unpublished edits never change it; publishing, withdrawing and serving again do, on every instance.
/// </summary>
public sealed class ReleaseTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Lesson1 = "/modules/sample-module/lessons/first-steps";
    private readonly string _content = Path.Combine(Path.GetTempPath(), "iapt-release-content-" + Guid.NewGuid().ToString("N"));
    private readonly string _data = Path.Combine(Path.GetTempPath(), "iapt-release-data-" + Guid.NewGuid().ToString("N"));
    private readonly List<ReleaseAppFixture> _apps = [];

    public Task InitializeAsync()
    {
        LiveContentTests.CopyDirectory(WebAppFixture.SampleContentPath, _content);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { _content, _data })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left in temp; harmless.
            }
        }
    }

    private ReleaseAppFixture Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new ReleaseAppFixture(_content, _data, settings);
        _apps.Add(app);
        return app.Started();
    }

    private async Task StopAsync(ReleaseAppFixture app)
    {
        _apps.Remove(app);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private string File(params string[] parts) => Path.Combine([_content, "sample-module", .. parts]);

    private static async Task<HttpClient> LearnerAsync(ReleaseAppFixture app, string? email = null)
    {
        if (email is null)
        {
            return await app.SignInAsync((await app.CreatePersonAsync()).Email);
        }

        return await app.SignInAsync(email);
    }

    [Fact]
    public async Task FirstStart_NoRelease_TakesAFirstReleaseFromTheFolder_AndAuditsIt()
    {
        var app = Start();

        var releases = await app.ExecuteDbAsync(db => db.ContentReleases.Include(r => r.Files).ToListAsync());
        var release = Assert.Single(releases);
        Assert.Equal(("sample-module", "1.0.0", ReleaseSources.FirstStart), (release.ModuleSlug, release.Version, release.Source));
        Assert.Equal(app.SampleModule.ContentHash, release.ContentHash);
        Assert.Equal(["01-first-steps.md", "02-second-steps.md", "assessment.md", "module.md"], release.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(1, await app.ExecuteDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ReleasePublished)));
        using var learner = await LearnerAsync(app);
        Assert.Contains("Read on.", await learner.GetStringAsync(Lesson1), StringComparison.Ordinal);

        // A restart with the folder unchanged takes no second release.
        var email = (await app.CreatePersonAsync()).Email;
        await StopAsync(app);
        var again = Start();
        Assert.Equal(1, await again.ExecuteDbAsync(db => db.ContentReleases.CountAsync()));
        using var back = await LearnerAsync(again, email);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync(new Uri(Lesson1, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Restart_WithABrokenLessonFile_ServesTheLastReleaseWithTheSameText()
    {
        var app = Start();
        var email = (await app.CreatePersonAsync()).Email;
        using (var learner = await LearnerAsync(app, email))
        {
            Assert.Contains("Read on.", await learner.GetStringAsync(Lesson1), StringComparison.Ordinal);
        }

        await StopAsync(app);
        TestFiles.Edit(File("01-first-steps.md"), "duration: 2m", "duration: soon");
        TestFiles.Edit(File("01-first-steps.md"), "Read on.", "Read on, half-finished.");

        var restarted = Start();
        using var again = await LearnerAsync(restarted, email);
        var lesson = await again.GetAsync(new Uri(Lesson1, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);
        var html = await lesson.Content.ReadAsStringAsync();
        Assert.Contains("Read on.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("half-finished", html, StringComparison.Ordinal);
        Assert.Contains("Sample module", await again.GetStringAsync("/modules"), StringComparison.Ordinal);

        // Authors see the folder's problem beside the release learners get.
        using var author = await restarted.SignInAsync((await restarted.CreatePersonAsync(roles: [Roles.Learner, Roles.Author])).Email);
        var authoring = await author.GetStringAsync("/authoring");
        Assert.Contains("Has errors: cannot be published", authoring, StringComparison.Ordinal);
        Assert.Contains("Learners get version 1.0.0", authoring, StringComparison.Ordinal);
        Assert.Contains("01-first-steps.md line", authoring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WithTheModuleFolderDeleted_ServesTheLastRelease()
    {
        var app = Start();
        var email = (await app.CreatePersonAsync()).Email;
        await StopAsync(app);
        Directory.Delete(File(), recursive: true);

        var restarted = Start();
        using var learner = await LearnerAsync(restarted, email);
        Assert.Contains("Read on.", await learner.GetStringAsync(Lesson1), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync(new Uri("/modules/sample-module/assessment", UriKind.Relative))).StatusCode);
        Assert.Contains("Sample module", await learner.GetStringAsync("/modules"), StringComparison.Ordinal);

        // Authors still get the question statistics of what learners answered.
        using var author = await restarted.SignInAsync((await restarted.CreatePersonAsync(roles: [Roles.Learner, Roles.Author])).Email);
        Assert.Contains("Question statistics: Sample module", await author.GetStringAsync("/authoring/sample-module/statistics"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(new Uri("/authoring/sample-module/statistics.csv", UriKind.Relative))).StatusCode);

        // Deleting a folder while the app runs changes nothing for learners either.
        restarted.Get<ContentService>().Reload(null);
        Assert.NotNull(restarted.Get<ModuleLibrary>().Find("sample-module"));
    }

    [Fact]
    public async Task Publish_ChangedFilesUnderTheReleasedVersion_IsRefusedNamingTheVersionToWrite()
    {
        var app = Start();
        using var learner = await LearnerAsync(app);
        var publisher = app.Get<ReleasePublisher>();
        TestFiles.Edit(File("01-first-steps.md"), "Read on.", "Read on, edited.");
        app.Get<ContentService>().Reload(null);

        var refused = await publisher.PublishAsync("sample-module", null, ReleaseSources.CommandLine, null, null);

        Assert.False(refused.Succeeded);
        Assert.Contains("Version 1.0.0 was already released", refused.Message, StringComparison.Ordinal);
        Assert.Contains("1.0.1 (a correction), 1.1.0 (new or changed material) or 2.0.0", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("edited", await learner.GetStringAsync(Lesson1), StringComparison.Ordinal);
        Assert.Equal(1, await app.ExecuteDbAsync(db => db.ContentReleases.CountAsync()));

        TestFiles.Edit(File("module.md"), "version: 1.0.0", "version: 0.9.0");
        Assert.Contains("lower than 1.0.0", (await publisher.PublishAsync("sample-module", null, ReleaseSources.CommandLine, null, null)).Message, StringComparison.Ordinal);

        TestFiles.Edit(File("module.md"), "version: 0.9.0", "version: 1.0.1");
        var candidate = await publisher.PrepareAsync("sample-module");
        Assert.Contains(candidate.Changes, c => c.Text == "1. First steps: the text has changed.");
        var published = await publisher.PublishAsync("sample-module", null, ReleaseSources.CommandLine, candidate.Module!.ContentHash, []);

        Assert.True(published.Succeeded, published.Message);
        Assert.Contains("Read on, edited.", await learner.GetStringAsync(Lesson1), StringComparison.Ordinal);
        Assert.Contains("Nothing to publish", (await publisher.PrepareAsync("sample-module")).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FilesChangedSinceReviewed_OrWarningsNotConfirmed_PublishesNothing()
    {
        var app = Start();
        var publisher = app.Get<ReleasePublisher>();
        TestFiles.Edit(File("module.md"), "version: 1.0.0", "version: 1.1.0\ncolour: blue");
        var reviewed = await publisher.PrepareAsync("sample-module");
        var warning = Assert.Single(reviewed.Warnings);
        Assert.Contains("colour", warning, StringComparison.Ordinal);

        var unconfirmed = await publisher.PublishAsync("sample-module", null, ReleaseSources.AuthorsArea, reviewed.Module!.ContentHash, []);
        Assert.False(unconfirmed.Succeeded);
        Assert.Contains("Confirm that you have read the warning", unconfirmed.Message, StringComparison.Ordinal);
        Assert.True(unconfirmed.BadInput);

        TestFiles.Edit(File("01-first-steps.md"), "Read on.", "Read on, changed after the review.");
        var stale = await publisher.PublishAsync("sample-module", null, ReleaseSources.AuthorsArea, reviewed.Module.ContentHash, [warning]);
        Assert.False(stale.Succeeded);
        Assert.Contains("changed since you reviewed them", stale.Message, StringComparison.Ordinal);
        Assert.False(stale.BadInput);
        Assert.Equal(1, await app.ExecuteDbAsync(db => db.ContentReleases.CountAsync()));

        var current = await publisher.PrepareAsync("sample-module");
        var published = await publisher.PublishAsync("sample-module", null, ReleaseSources.AuthorsArea, current.Module!.ContentHash, [warning]);
        Assert.True(published.Succeeded, published.Message);
        var audit = await app.ExecuteDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.ReleasePublished).OrderBy(e => e.Id).ToListAsync());
        Assert.Contains("with 1 warning acknowledged", audit[^1].Summary, StringComparison.Ordinal);
        Assert.Contains("colour", audit[^1].DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Draft_IsRefused()
    {
        var app = Start();
        TestFiles.Edit(File("module.md"), "version: 1.0.0", "version: 1.0.1\nstatus: draft");

        var outcome = await app.Get<ReleasePublisher>().PublishAsync("sample-module", null, ReleaseSources.CommandLine, null, null);

        Assert.False(outcome.Succeeded);
        Assert.Contains("draft", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_ServedRelease_LearnersGoBackToThePrevious_ServeAgainReturnsIt_CompletionsKept()
    {
        var app = Start();
        var publisher = app.Get<ReleasePublisher>();
        using var learner = await LearnerAsync(app);
        TestFiles.Edit(File("01-first-steps.md"), "Read on.", "Read on, version two.");
        TestFiles.Edit(File("module.md"), "version: 1.0.0", "version: 1.1.0");
        var published = await publisher.PublishAsync("sample-module", null, ReleaseSources.CommandLine, null, null);
        Assert.True(published.Succeeded, published.Message);
        Assert.Contains("version two", await learner.GetStringAsync(Lesson1), StringComparison.Ordinal);
        var admin = await app.CreatePersonAsync(roles: [Roles.Learner, Roles.Admin]);
        var principal = admin.Principal;

        Assert.True((await publisher.WithdrawAsync("sample-module", published.ReleaseId!.Value, principal, "  ")).BadInput);
        var withdrawn = await publisher.WithdrawAsync("sample-module", published.ReleaseId.Value, principal, "A statistic in lesson 1 is wrong.");

        Assert.True(withdrawn.Succeeded, withdrawn.Message);
        Assert.Contains("Learners get version 1.0.0 again", withdrawn.Message, StringComparison.Ordinal);
        var html = await learner.GetStringAsync(Lesson1);
        Assert.Contains("Read on.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("version two", html, StringComparison.Ordinal);

        var again = await publisher.ServeAgainAsync("sample-module", published.ReleaseId.Value, principal);
        Assert.True(again.Succeeded, again.Message);
        Assert.Contains("version two", await learner.GetStringAsync(Lesson1), StringComparison.Ordinal);

        var rows = await publisher.ListAsync("sample-module");
        Assert.Equal(["1.1.0", "1.0.0"], rows.Select(r => r.Version));
        Assert.True(rows[0].IsServed);
        var actions = await app.ExecuteDbAsync(db => db.AuditEvents.Where(e => e.Action.StartsWith("release-")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.ReleasePublished, AuditActions.ReleasePublished, AuditActions.ReleaseWithdrawn, AuditActions.ReleaseServedAgain], actions);
    }

    [Fact]
    public async Task Attempt_StartedOnARelease_CarriesOnWithItAfterANewOneIsPublished()
    {
        var app = Start();
        var library = app.Get<ModuleLibrary>();
        var first = library.Find("sample-module")!;
        TestFiles.Edit(File("assessment.md"), "pass_mark: 50", "pass_mark: 70");
        TestFiles.Edit(File("module.md"), "version: 1.0.0", "version: 1.1.0");
        var published = await app.Get<ReleasePublisher>().PublishAsync("sample-module", null, ReleaseSources.CommandLine, null, null);
        Assert.True(published.Succeeded, published.Message);

        var started = await library.FindStartedOnAsync("sample-module", first.ContentHash);

        Assert.NotEqual(first.ContentHash, library.Find("sample-module")!.ContentHash);
        Assert.Equal("1.0.0", started!.Version);
        Assert.Equal(first.Assessment!.PassMark, started.Assessment!.PassMark);
        Assert.Equal(70, library.Find("sample-module")!.Assessment!.PassMark);
    }

    [Fact]
    public async Task TwoInstances_OneDatabase_SeeAReleasePublishedOnTheOtherWithinFiveSeconds()
    {
        var one = Start();
        var two = Start();
        var email = (await one.CreatePersonAsync()).Email;
        using var onTwo = await LearnerAsync(two, email);
        Assert.Contains("Read on.", await onTwo.GetStringAsync(Lesson1), StringComparison.Ordinal);

        TestFiles.Edit(File("01-first-steps.md"), "Read on.", "Read on, from instance one.");
        TestFiles.Edit(File("module.md"), "version: 1.0.0", "version: 1.0.1");
        Assert.True((await one.Get<ReleasePublisher>().PublishAsync("sample-module", null, ReleaseSources.CommandLine, null, null)).Succeeded);
        var clock = Stopwatch.StartNew();
        while (!(await onTwo.GetStringAsync(Lesson1)).Contains("from instance one", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "instance two did not serve the release within 5 seconds");
            await Task.Delay(100);
        }

        output.WriteLine($"Published on one, served by two after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(2, await two.ExecuteDbAsync(db => db.ContentReleases.CountAsync()));
    }

    [Fact]
    public async Task Release_UnpackedCopyTamperedWith_IsRewrittenFromTheDatabase()
    {
        var app = Start();
        var email = (await app.CreatePersonAsync()).Email;
        await StopAsync(app);
        var unpacked = Directory.GetFiles(Path.Combine(_data, "releases", "sample-module"), "01-first-steps.md", SearchOption.AllDirectories).Single();
        System.IO.File.WriteAllText(unpacked, System.IO.File.ReadAllText(unpacked).Replace("Read on.", "Read on, tampered.", StringComparison.Ordinal));

        var restarted = Start();
        using var learner = await LearnerAsync(restarted, email);
        var html = await learner.GetStringAsync(Lesson1);
        Assert.Contains("Read on.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tampered", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasesPage_ListsReleasesForAuthors_OnlyAdminsGetWithdrawAndServeAgain()
    {
        var app = Start();
        TestFiles.Edit(File("module.md"), "version: 1.0.0", "version: 1.0.1");
        TestFiles.Edit(File("01-first-steps.md"), "Read on.", "Read on, again.");
        Assert.True((await app.Get<ReleasePublisher>().PublishAsync("sample-module", null, ReleaseSources.CommandLine, null, null)).Succeeded);
        using var author = await app.SignInAsync((await app.CreatePersonAsync(roles: [Roles.Learner, Roles.Author])).Email);
        using var admin = await app.SignInAsync((await app.CreatePersonAsync(roles: [Roles.Learner, Roles.Admin])).Email);

        var forAuthor = await author.GetStringAsync("/authoring/sample-module/releases");
        var forAdmin = await admin.GetStringAsync("/authoring/sample-module/releases");

        Assert.Contains("Learners get this", forAuthor, StringComparison.Ordinal);
        Assert.Contains("Earlier release", forAuthor, StringComparison.Ordinal);
        Assert.Contains("(first start)", forAuthor, StringComparison.Ordinal);
        Assert.Contains("Nothing to publish", forAuthor, StringComparison.Ordinal);
        Assert.DoesNotContain(">Withdraw<", forAuthor, StringComparison.Ordinal);
        Assert.DoesNotContain(">Serve again<", forAuthor, StringComparison.Ordinal);
        Assert.Contains(">Withdraw<", forAdmin, StringComparison.Ordinal);
        Assert.Contains(">Serve again<", forAdmin, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(new Uri("/authoring/no-such-module/releases", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Publish_SymbolicLinkInTheFolder_IsAWarningAndNeverStored()
    {
        var outside = Path.Combine(Path.GetTempPath(), "iapt-secret-" + Guid.NewGuid().ToString("N") + ".png");
        System.IO.File.WriteAllText(outside, "a file outside the module");
        try
        {
            var app = Start();
            Directory.CreateDirectory(File("media"));
            System.IO.File.CreateSymbolicLink(File("media", "linked.png"), outside);
            TestFiles.Edit(File("module.md"), "version: 1.0.0", "version: 1.0.1");
            var publisher = app.Get<ReleasePublisher>();

            var candidate = await publisher.PrepareAsync("sample-module");
            var warning = Assert.Single(candidate.Warnings);
            Assert.Contains("sample-module/media/linked.png: warning IAPT037", warning, StringComparison.Ordinal);
            var outcome = await publisher.PublishAsync("sample-module", null, ReleaseSources.AuthorsArea, candidate.Module!.ContentHash, [warning]);

            Assert.True(outcome.Succeeded, outcome.Message);
            var paths = await app.ExecuteDbAsync(db => db.ContentReleaseFiles.Where(f => f.ContentReleaseId == outcome.ReleaseId).Select(f => f.Path).ToListAsync());
            Assert.DoesNotContain("media/linked.png", paths);
            using var learner = await LearnerAsync(app);
            Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync(new Uri("/modules/sample-module/media/linked.png", UriKind.Relative))).StatusCode);
        }
        finally
        {
            System.IO.File.Delete(outside);
        }
    }

    [Fact]
    public async Task FirstStart_DatabaseMadeBeforeReleases_TakesAFirstRelease_AndLosesNothing()
    {
        var app = Start();
        var person = await app.CreatePersonAsync();
        using (var learner = await LearnerAsync(app, person.Email))
        {
            Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync(new Uri(Lesson1, UriKind.Relative))).StatusCode);
        }

        await app.ExecuteDbAsync(async db =>
        {
            var row = await db.LessonProgress.SingleOrDefaultAsync(p => p.UserId == person.Id && p.LessonSlug == "first-steps");
            if (row is null)
            {
                row = new Web.Data.LessonProgress { UserId = person.Id, ModuleSlug = "sample-module", LessonSlug = "first-steps" };
                db.LessonProgress.Add(row);
            }

            row.ActiveMilliseconds = 150_000;
            row.CompletedAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
            // As a database from before releases: the table exists (the migration made it) and is empty.
            await db.ContentReleases.ExecuteDeleteAsync();
            await db.AuditEvents.Where(e => e.Action == AuditActions.ReleasePublished).ExecuteDeleteAsync();
        });
        await StopAsync(app);
        Directory.Delete(Path.Combine(_data, "releases"), recursive: true);

        var restarted = Start();

        var release = Assert.Single(await restarted.ExecuteDbAsync(db => db.ContentReleases.ToListAsync()));
        Assert.Equal(ReleaseSources.FirstStart, release.Source);
        Assert.Equal(1, await restarted.ExecuteDbAsync(db => db.LessonProgress.CountAsync(p => p.UserId == person.Id && p.CompletedAtUtc != null)));
        using var back = await LearnerAsync(restarted, person.Email);
        Assert.Contains("Read on.", await back.GetStringAsync(Lesson1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_ServesTheStoredParsedModel_AndParsesTheFilesWhenThisBuildCannotReadIt()
    {
        var app = Start();
        var email = (await app.CreatePersonAsync()).Email;
        // Stands in for HTML the parser rendered at publication that a later parser would render differently.
        await app.ExecuteDbAsync(db => db.ContentReleases.ExecuteUpdateAsync(
            u => u.SetProperty(r => r.ModelJson, r => r.ModelJson.Replace("Read on.", "Read on, as rendered at publication."))));
        await StopAsync(app);

        var restarted = Start();
        using (var learner = await LearnerAsync(restarted, email))
        {
            Assert.Contains("Read on, as rendered at publication.", await learner.GetStringAsync(Lesson1), StringComparison.Ordinal);
        }

        await restarted.ExecuteDbAsync(db => db.ContentReleases.ExecuteUpdateAsync(u => u.SetProperty(r => r.ModelJson, "{\"Title\":1}")));
        await StopAsync(restarted);
        var again = Start();
        using var back = await LearnerAsync(again, email);
        var html = await back.GetStringAsync(Lesson1);
        Assert.Contains("Read on.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("as rendered at publication", html, StringComparison.Ordinal);
    }
}
