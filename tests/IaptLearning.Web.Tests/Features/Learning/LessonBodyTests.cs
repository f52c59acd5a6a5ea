using Bunit;
using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Learning;

namespace IaptLearning.Web.Tests.Features.Learning;

public class LessonBodyTests : BunitContext
{
    private static readonly Lesson Lesson = LessonAudienceModels.Module().Lessons[0];

    private IRenderedComponent<LessonBody> RenderBody(LearnerAudience audience) =>
        Render<LessonBody>(p => p
            .Add(c => c.Blocks, Lesson.Blocks)
            .Add(c => c.Audience, audience)
            .Add(c => c.QuestionTemplate, item => $"<p class=\"q\">{item.Question.Id} {item.Number} {(item.Optional ? "optional" : "required")}</p>"));

    [Fact]
    public void Render_OwnSection_InPlaceWithItsLabelAndOthersCollapsedUnderASummary()
    {
        var cut = RenderBody(new LearnerAudience(Audiences.Admin, ShowEverything: false));

        var open = cut.Find(".lesson-section");
        Assert.Equal("For administrative and booking staff", open.QuerySelector(".lesson-section__label")!.TextContent.Trim());
        Assert.Contains("Booking text.", open.TextContent);
        Assert.Null(open.Closest("details"));

        var collapsed = cut.Find("details.nhsuk-details");
        Assert.False(collapsed.HasAttribute("open"));
        Assert.Equal("For high-intensity therapists and counsellors and supervisors", collapsed.QuerySelector("summary.nhsuk-details__summary .nhsuk-details__summary-text")!.TextContent.Trim());
        Assert.Contains("Therapy text.", collapsed.QuerySelector(".nhsuk-details__text")!.TextContent);
    }

    [Fact]
    public void Render_Questions_NumberedInReadingOrderAndOptionalOnlyInOthersSections()
    {
        var cut = RenderBody(new LearnerAudience(Audiences.Admin, ShowEverything: false));

        Assert.Equal(["q-everyone 1 required", "q-admin 2 required", "q-step3 3 optional"], cut.FindAll("p.q").Select(p => p.TextContent));
    }

    [Fact]
    public void Render_ShowingEverything_EverySectionOpenButOthersQuestionsStillOptional()
    {
        var cut = RenderBody(new LearnerAudience(Audiences.Admin, ShowEverything: true));

        Assert.Empty(cut.FindAll("details"));
        Assert.Equal(2, cut.FindAll(".lesson-section").Count);
        Assert.Contains("q-step3 3 optional", cut.FindAll("p.q").Select(p => p.TextContent));
    }

    [Fact]
    public void Render_NoAudience_EverySectionOpenAndEveryQuestionRequired()
    {
        var cut = RenderBody(LearnerAudience.Everyone);

        Assert.Empty(cut.FindAll("details"));
        Assert.All(cut.FindAll("p.q"), p => Assert.EndsWith("required", p.TextContent));
    }

    [Fact]
    public void Render_KnowledgeChecksInACollapsedSection_SendNoAnswerKeys()
    {
        var cut = Render<LessonBody>(p => p
            .Add(c => c.Blocks, Lesson.Blocks)
            .Add(c => c.Audience, new LearnerAudience(Audiences.Step2, ShowEverything: false))
            .Add<KnowledgeCheck, LessonQuestion>(c => c.QuestionTemplate, item => check => check
                .Add(k => k.Question, item.Question)
                .Add(k => k.Number, item.Number)
                .Add(k => k.Optional, item.Optional)
                .Add(k => k.OnAnswer, (_, _) => Task.CompletedTask)));

        Assert.Equal(2, cut.FindAll("details").Count);
        Assert.Contains("Knowledge check 3 (optional for you)", cut.Markup);
        Assert.DoesNotContain("Feedback-", cut.Markup);
        Assert.DoesNotContain("Explanation-", cut.Markup);
    }
}
