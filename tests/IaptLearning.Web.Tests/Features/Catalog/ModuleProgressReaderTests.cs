using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Learning;
using IaptLearning.Web.Tests.Features.Learning;

namespace IaptLearning.Web.Tests.Features.Catalog;

[Collection(WebAppTests.Name)]
public class ModuleProgressReaderTests(WebAppFixture app)
{
    [Fact]
    public async Task Read_NewLearner_NotStarted()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var progress = await app.Get<ModuleProgressReader>().ReadAsync(user, app.SampleModule);
        Assert.Equal(ModuleStatusForLearner.NotStarted, progress.Status);
        Assert.Equal("/modules/sample-module/lessons/first-steps", progress.ContinueAddress(app.SampleModule));
    }

    [Fact]
    public async Task Read_ModuleEditedAfterLessonDone_KeepsCreditForLessonsThatStillExist()
    {
        var user = (await app.CreatePersonAsync()).Id;
        var v1 = app.SampleModule;
        var kept = v1.Lessons[1];
        var lessons = app.Get<LessonProgressService>();
        await lessons.VisitAsync(user, v1, kept);
        foreach (var question in kept.Questions)
        {
            await lessons.AnswerAsync(user, v1, kept, question, [.. question.Options.Where(o => o.IsCorrect).Select(o => o.Index)]);
        }

        Assert.Equal(LessonCompletionResult.Completed, await lessons.CompleteAsync(user, v1, kept));

        // Version 1.1 drops the first lesson and adds a new one; the kept lesson is still done.
        var added = new Lesson { Number = 3, Index = 1, Slug = "new-lesson", FileName = "03-new-lesson.md", Title = "New", Duration = TimeSpan.FromMinutes(1), ContentHash = "x" };
        var keptMoved = new Lesson { Number = kept.Number, Index = 0, Slug = kept.Slug, FileName = kept.FileName, Title = kept.Title, Duration = kept.Duration, Questions = kept.Questions, Blocks = kept.Blocks, ContentHash = kept.ContentHash };
        var v11 = new ContentModule
        {
            Slug = v1.Slug, Title = v1.Title, Summary = v1.Summary, Version = "1.1.0", OverviewHtml = v1.OverviewHtml,
            ContentHash = "changed", FolderPath = v1.FolderPath, Lessons = [keptMoved, added], Assessment = v1.Assessment,
        };

        var progress = await app.Get<ModuleProgressReader>().ReadAsync(user, v11);
        Assert.True(progress.IsLessonDone(keptMoved));
        Assert.False(progress.IsLessonDone(added));
        Assert.Equal(ModuleStatusForLearner.InProgress, progress.Status);
        Assert.Equal(33, progress.PercentComplete);
        Assert.Equal("/modules/sample-module/lessons/new-lesson", progress.ContinueAddress(v11));
    }

    [Fact]
    public async Task Read_LessonForAnotherAudienceLeft_AllLessonsDoneAndThatLessonOptional()
    {
        var user = (await app.CreatePersonAsync(jobRole: JobRole.AdministrativeStaff)).Id;
        var module = LessonAudienceModels.Module();
        var reader = app.Get<ModuleProgressReader>();
        var before = await reader.ReadAsync(user, module);
        Assert.False(before.IsRequired(module.Lessons[1]));
        Assert.True(before.IsRequired(module.Lessons[0]));
        Assert.False(before.AllLessonsDone(module));

        var lessons = app.Get<LessonProgressService>();
        var first = module.Lessons[0];
        await lessons.VisitAsync(user, module, first);
        foreach (var question in first.Questions)
        {
            await lessons.AnswerAsync(user, module, first, question, [0]);
        }

        Assert.Equal(LessonCompletionResult.Completed, await lessons.CompleteAsync(user, module, first));
        var after = await reader.ReadAsync(user, module);
        Assert.True(after.AllLessonsDone(module));
        // One lesson of the two steps (lesson and assessment) that count for them.
        Assert.Equal(50, after.PercentComplete);
        Assert.Equal("/modules/audience-module/assessment", after.ContinueAddress(module));
    }

    [Fact]
    public async Task Read_LessonForOwnAudienceLeft_NotAllLessonsDone()
    {
        var user = (await app.CreatePersonAsync(jobRole: JobRole.EmdrTherapist)).Id;
        var module = LessonAudienceModels.Module();
        var progress = await app.Get<ModuleProgressReader>().ReadAsync(user, module);
        Assert.True(progress.IsRequired(module.Lessons[1]));
        Assert.Equal(Audiences.Step3, progress.Audience?.Audience);
    }
}
