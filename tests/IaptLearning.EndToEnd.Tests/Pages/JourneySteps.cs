using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests.Pages;

public static class JourneySteps
{
    public static async Task SignUpAsync(this Learner learner) =>
        await learner.RegisterAsync($"learner-{Guid.NewGuid():N}@example.nhs.uk", "Sam Example");

    /// <summary>From signed in to the assessment's start page, through every lesson.</summary>
    public static async Task CompleteAllLessonsAsync(this Learner learner)
    {
        var module = Learner.LongCovid;
        await learner.GotoAsync(Content.ContentAddresses.Lesson(module.Slug, module.Lessons[0].Slug).TrimStart('/'));
        foreach (var lesson in module.Lessons)
        {
            await learner.CompleteLessonAsync(lesson);
        }

        await learner.Page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).WaitForAsync();
    }
}
