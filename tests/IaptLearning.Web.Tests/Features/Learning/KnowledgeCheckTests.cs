using Bunit;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Learning;

namespace IaptLearning.Web.Tests.Features.Learning;

public class KnowledgeCheckTests : BunitContext
{
    private static readonly Question Single = new()
    {
        Id = "kc-single",
        PromptHtml = "<p>Which term does NICE use?</p>",
        PromptText = "Which term does NICE use?",
        SourceFile = "01-intro.md",
        ExplanationHtml = "<p>SECRET-EXPLANATION</p>",
        Options =
        [
            new QuestionOption { Index = 0, Key = "a", Html = "Acute", Text = "Acute", IsCorrect = false, FeedbackHtml = "<p>SECRET-FEEDBACK-A</p>" },
            new QuestionOption { Index = 1, Key = "b", Html = "Post-COVID-19 syndrome", Text = "Post-COVID-19 syndrome", IsCorrect = true, FeedbackHtml = "<p>SECRET-FEEDBACK-B</p>" },
        ],
    };

    private static readonly Question Multiple = new()
    {
        Id = "kc-multi",
        PromptHtml = "<p>Select the symptoms.</p>",
        PromptText = "Select the symptoms.",
        SourceFile = "01-intro.md",
        Options =
        [
            new QuestionOption { Index = 0, Key = "a", Html = "Fatigue", Text = "Fatigue", IsCorrect = true },
            new QuestionOption { Index = 1, Key = "b", Html = "Breathlessness", Text = "Breathlessness", IsCorrect = true },
            new QuestionOption { Index = 2, Key = "c", Html = "Sunburn", Text = "Sunburn", IsCorrect = false },
        ],
    };

    private IRenderedComponent<KnowledgeCheck> RenderCheck(Question question, KnowledgeCheckAnswer? answer = null, Func<Question, IReadOnlyCollection<int>, Task>? onAnswer = null) =>
        Render<KnowledgeCheck>(p => p
            .Add(c => c.Question, question)
            .Add(c => c.Number, 1)
            .Add(c => c.Answer, answer)
            .Add(c => c.OnAnswer, onAnswer ?? ((_, _) => Task.CompletedTask)));

    [Fact]
    public void Render_Unanswered_ShowsRadiosInAFieldsetWithoutAnswerKeys()
    {
        var cut = RenderCheck(Single);
        Assert.Equal(2, cut.FindAll("input[type=radio]").Count);
        Assert.NotNull(cut.Find("fieldset legend"));
        Assert.DoesNotContain("SECRET", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("correct", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_MultipleAnswer_ShowsCheckboxesAndSelectAllHint()
    {
        var cut = RenderCheck(Multiple);
        Assert.Equal(3, cut.FindAll("input[type=checkbox]").Count);
        Assert.Contains("Select all that apply", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_NothingChosen_ShowsErrorAndDoesNotSave()
    {
        var saved = false;
        var cut = RenderCheck(Single, onAnswer: (_, _) => { saved = true; return Task.CompletedTask; });
        cut.Find("button").Click();
        Assert.False(saved);
        Assert.Contains("Select an answer", cut.Find(".nhsuk-error-message").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_OptionChosen_SendsWrittenIndexes()
    {
        IReadOnlyCollection<int>? sent = null;
        var cut = RenderCheck(Multiple, onAnswer: (_, chosen) => { sent = chosen; return Task.CompletedTask; });
        cut.Find("#kc-kc-multi-0").Change(true);
        cut.Find("#kc-kc-multi-2").Change(true);
        cut.Find("button").Click();
        Assert.Equal([0, 2], sent!.Order());
    }

    [Fact]
    public void Render_Answered_ShowsResultFeedbackAndExplanation()
    {
        var answer = new KnowledgeCheckAnswer { UserId = "u", ModuleSlug = "m", LessonSlug = "l", QuestionId = Single.Id, ChosenOptions = "0", IsCorrect = false };
        var cut = RenderCheck(Single, answer);
        Assert.Contains("Not quite", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("SECRET-FEEDBACK-A", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-FEEDBACK-B", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("SECRET-EXPLANATION", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("The correct answer", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("input"));
    }
}
