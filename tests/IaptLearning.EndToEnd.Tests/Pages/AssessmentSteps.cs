using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests.Pages;

public static class AssessmentSteps
{
    /// <summary>Answers the open attempt's questions in the order shown, waiting for each "Answer saved".</summary>
    public static async Task<IReadOnlyList<string>> AnswerAllAsync(this Learner learner, bool correctly, int? only = null)
    {
        var page = learner.Page;
        var groups = page.Locator("div.nhsuk-form-group[data-question-id]");
        await groups.First.WaitForAsync();
        var ids = await groups.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.questionId)");
        var answered = new List<string>();
        foreach (var id in ids.Take(only ?? ids.Length))
        {
            var question = Learner.LongCovid.FindQuestion(id)!;
            var group = page.Locator($"div.nhsuk-form-group[data-question-id='{id}']");
            await learner.ChooseAsync(group, question, Learner.Answer(question, correctly));
            await group.GetByText("Answer saved").WaitForAsync();
            answered.Add(id);
        }

        return answered;
    }

    public static async Task SubmitAsync(this Learner learner, string expectedHeading)
    {
        await learner.PressButtonAsync("Submit answers");
        await learner.Page.GetByRole(AriaRole.Heading, new() { Name = expectedHeading }).WaitForAsync();
    }
}
