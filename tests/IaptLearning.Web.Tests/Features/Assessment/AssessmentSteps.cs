using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Assessment;
using IaptLearning.Web.Features.Learning;

namespace IaptLearning.Web.Tests.Features.Assessment;

/// <summary>A learner working through a module as the pages would: lessons first, then attempts.</summary>
internal static class AssessmentSteps
{
    /// <summary>A new learner (exempt from minimum times) who has completed every lesson, with some active time on each.</summary>
    public static async Task<string> CompleteLessonsAsync(WebAppFixture app, ContentModule module, string? userId = null)
    {
        var user = userId ?? (await app.CreatePersonAsync()).Id;
        var lessons = app.Get<LessonProgressService>();
        await app.ExecuteDbAsync(async db =>
        {
            db.MinTimeExemptions.Add(new MinTimeExemption { UserId = user, Reason = "Tests of the assessment", GrantedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });

        foreach (var lesson in module.Lessons)
        {
            await lessons.VisitAsync(user, module, lesson);
            app.Clock.Advance(TimeSpan.FromSeconds(10));
            await lessons.HeartbeatAsync(user, module.Slug, lesson.Slug, wasActive: true);
            foreach (var question in lesson.Questions)
            {
                await lessons.AnswerAsync(user, module, lesson, question, [question.Options.First(o => o.IsCorrect).Index]);
            }

            Assert.Equal(LessonCompletionResult.Completed, await lessons.CompleteAsync(user, module, lesson));
        }

        return user;
    }

    /// <summary>Starts an attempt and answers every question all right or all wrong; returns the attempt's id.</summary>
    public static async Task<long> AnswerAllAsync(AssessmentService service, ContentModule module, string user, bool correct)
    {
        Assert.Equal(StartOutcome.Started, await service.StartAsync(user, module, Random.Shared));
        var attempt = (await service.GetOverviewAsync(user, module)).OpenAttempt!;
        foreach (var row in attempt.Questions)
        {
            var question = module.FindQuestion(row.QuestionId)!;
            var chosen = question.Options.Where(o => o.IsCorrect == correct).Select(o => o.Index).ToList();
            if (question.Kind == QuestionKind.SingleAnswer)
            {
                chosen = [chosen[0]];
            }

            Assert.True(await service.SaveAnswerAsync(user, module, row.Id, chosen));
        }

        return attempt.Id;
    }
}
