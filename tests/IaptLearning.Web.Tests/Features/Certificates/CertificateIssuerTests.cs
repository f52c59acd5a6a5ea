using System.Security.Cryptography;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Assessment;
using IaptLearning.Web.Features.Certificates;
using IaptLearning.Web.Features.Learning;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Certificates;

[Collection(WebAppTests.Name)]
public class CertificateIssuerTests(WebAppFixture app)
{
    private CertificateIssuer Issuer => app.Get<CertificateIssuer>();
    private ContentModule Module => app.SampleModule;

    [Fact]
    public async Task Issue_SameVersionTwice_OneCertificate()
    {
        var (user, _) = await app.CreatePersonAsync();
        var completion = await CertificateSteps.AddCompletionAsync(app, user);

        var first = await Issuer.IssueAsync(completion, Module);
        var second = await Issuer.IssueAsync(completion, Module);
        await Issuer.IssueAllMissingAsync();

        Assert.NotNull(first);
        Assert.Equal(first.Number, second!.Number);
        Assert.Equal(1, await CountAsync(user));
    }

    [Fact]
    public async Task Issue_NewVersion_NewCertificate()
    {
        var (user, _) = await app.CreatePersonAsync();
        var v1 = await CertificateSteps.IssueAsync(app, user, "1.0.0");
        var v2 = await CertificateSteps.IssueAsync(app, user, "2.0.0");

        Assert.NotEqual(v1.Number, v2.Number);
        Assert.NotEqual(v1.VerificationCode, v2.VerificationCode);
        Assert.Equal("2.0.0", v2.ModuleVersion);
        Assert.Equal(2, await CountAsync(user));
    }

    [Fact]
    public async Task Issue_ConcurrentCallsForOneCompletion_OneCertificate()
    {
        var (user, _) = await app.CreatePersonAsync();
        var completion = await CertificateSteps.AddCompletionAsync(app, user);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Issuer.IssueAsync(completion, Module))));

        Assert.Single(results.Select(c => c!.Number).Distinct());
        Assert.Equal(1, await CountAsync(user));
    }

    [Fact]
    public async Task Issue_ConcurrentLearners_NumbersUniqueAndInSequence()
    {
        var completions = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var (user, _) = await app.CreatePersonAsync();
            completions.Add(await CertificateSteps.AddCompletionAsync(app, user));
        }

        var issued = await Task.WhenAll(completions.Select(id => Task.Run(() => Issuer.IssueAsync(id, Module))));

        var sequences = issued.Select(c => c!.Sequence).Order().ToList();
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(Enumerable.Range(sequences[0], sequences.Count), sequences);
        Assert.All(issued, c => Assert.Equal($"IAPT-{c!.Sequence:D6}", c.Number));
    }

    [Fact]
    public async Task Issue_FreezesPrintedFieldsAndPdfHash()
    {
        var (user, _) = await app.CreatePersonAsync("Siân O'Brien-Nguyễn", jobRole: JobRole.PsychologicalWellbeingPractitioner);
        var certificate = await CertificateSteps.IssueAsync(app, user);

        Assert.Equal("Siân O'Brien-Nguyễn", certificate.LearnerName);
        Assert.Equal("Psychological wellbeing practitioner", certificate.JobRole);
        Assert.Equal(Module.Title, certificate.ModuleTitle);
        Assert.Equal(Module.Outcomes, certificate.LearningOutcomes);
        Assert.Equal(Module.CpdMinutes, certificate.CpdMinutes);
        Assert.Equal(Module.ContentHash, certificate.ContentHash);
        Assert.Equal(VerificationCode.Length, certificate.VerificationCode.Length);
        Assert.Equal("https://learning.example.nhs.uk/verify/" + certificate.VerificationCode, certificate.VerificationUrl);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(certificate.Pdf)), certificate.PdfSha256);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(certificate.Pdf, 0, 4));
    }

    [Fact]
    public async Task IssueMissing_CompletionWithoutCertificate_IssuesIt()
    {
        var (user, _) = await app.CreatePersonAsync();
        await CertificateSteps.AddCompletionAsync(app, user);

        await Issuer.IssueAllMissingAsync();

        Assert.Equal(1, await CountAsync(user));
    }

    [Fact]
    public async Task PassAssessment_IssuesCertificateWithScore()
    {
        var user = await CompleteLessonsAsync();
        var service = app.Get<AssessmentService>();
        await service.StartAsync(user, Module, Random.Shared);
        var attempt = await AnswerAllCorrectlyAsync(service, user);

        Assert.Equal(SubmitOutcome.Submitted, await service.SubmitAsync(user, Module, attempt.Id));

        await app.ExecuteDbAsync(async db =>
        {
            var certificate = await db.Certificates.SingleAsync(c => c.UserId == user);
            Assert.Equal(100, certificate.ScorePercent);
            Assert.Equal(Module.Version, certificate.ModuleVersion);
        });
    }

    [Fact]
    public async Task PassAssessment_ModuleEditedDuringAttempt_CertificateDescribesTheVersionTaken()
    {
        var user = await CompleteLessonsAsync();
        var service = app.Get<AssessmentService>();
        await service.StartAsync(user, Module, Random.Shared);
        var attempt = await AnswerAllCorrectlyAsync(service, user);

        // An author publishes a new version before the learner submits.
        var edited = new ContentModule
        {
            Slug = Module.Slug,
            Title = "A renamed module",
            Summary = Module.Summary,
            Version = "9.0.0",
            Status = Module.Status,
            Audience = Module.Audience,
            Outcomes = ["An outcome added later"],
            CpdMinutes = Module.CpdMinutes + 30,
            IssuesCertificate = true,
            OverviewHtml = Module.OverviewHtml,
            Lessons = Module.Lessons,
            Assessment = Module.Assessment,
            Duration = Module.Duration,
            ContentHash = new string('f', 64),
            MediaFiles = Module.MediaFiles,
            FolderPath = Module.FolderPath,
        };
        Assert.Equal(SubmitOutcome.Submitted, await service.SubmitAsync(user, edited, attempt.Id));

        await app.ExecuteDbAsync(async db =>
        {
            var certificate = await db.Certificates.SingleAsync(c => c.UserId == user);
            Assert.Equal((Module.Version, Module.ContentHash, Module.Title, Module.CpdMinutes),
                (certificate.ModuleVersion, certificate.ContentHash, certificate.ModuleTitle, certificate.CpdMinutes));
            Assert.Equal(Module.Outcomes.ToArray(), certificate.LearningOutcomes.ToArray());
        });
    }

    private async Task<AssessmentAttempt> AnswerAllCorrectlyAsync(AssessmentService service, string user)
    {
        var attempt = (await service.GetOverviewAsync(user, Module)).OpenAttempt!;
        foreach (var row in attempt.Questions)
        {
            var question = Module.FindQuestion(row.QuestionId)!;
            var chosen = question.Options.Where(o => o.IsCorrect).Select(o => o.Index).ToList();
            await service.SaveAnswerAsync(user, Module, row.Id, question.Kind == QuestionKind.SingleAnswer ? [chosen[0]] : chosen);
        }
        return attempt;
    }

    private async Task<int> CountAsync(string user)
    {
        return await app.ExecuteDbAsync(db => db.Certificates.CountAsync(c => c.UserId == user));
    }

    private async Task<string> CompleteLessonsAsync()
    {
        var (user, _) = await app.CreatePersonAsync();
        var lessons = app.Get<LessonProgressService>();
        await app.ExecuteDbAsync(async db =>
        {
            db.MinTimeExemptions.Add(new MinTimeExemption { UserId = user, Reason = "Tests of certificates", GrantedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        foreach (var lesson in Module.Lessons)
        {
            await lessons.VisitAsync(user, Module, lesson);
            foreach (var question in lesson.Questions)
            {
                await lessons.AnswerAsync(user, Module, lesson, question, [question.Options.First(o => o.IsCorrect).Index]);
            }

            Assert.Equal(LessonCompletionResult.Completed, await lessons.CompleteAsync(user, Module, lesson));
        }

        return user;
    }
}
