using System.Collections.Immutable;
using IaptLearning.Content.Model;
using ContentAssessment = IaptLearning.Content.Model.Assessment;

namespace IaptLearning.Web.Tests.Features.Learning;

/// <summary>A module that uses audiences, built in code: a lesson with <c>for</c> sections, a lesson for step 3 only, tagged questions and draw rules.</summary>
internal static class LessonAudienceModels
{
    public const string Slug = "audience-module";

    public static Question Question(string id, ImmutableArray<string> audiences = default, params string[] tags) => new()
    {
        Id = id,
        HasExplicitId = true,
        Tags = [.. tags],
        Audiences = audiences.IsDefault ? [] : audiences,
        PromptHtml = $"<p>Prompt {id}?</p>",
        PromptText = $"Prompt {id}?",
        SourceFile = "01-everyone.md",
        Line = 3,
        Options =
        [
            new QuestionOption { Index = 0, Key = "k0", Html = "Right", Text = "Right", IsCorrect = true, FeedbackHtml = $"<p>Feedback-{id}</p>" },
            new QuestionOption { Index = 1, Key = "k1", Html = "Wrong", Text = "Wrong", IsCorrect = false },
        ],
        ExplanationHtml = $"<p>Explanation-{id}</p>",
    };

    public static ContentModule Module(bool withAssessment = true)
    {
        var everyone = Question("q-everyone");
        var admin = Question("q-admin", [Audiences.Admin], "safety");
        var step3 = Question("q-step3", [Audiences.Step3]);
        var first = new Lesson
        {
            Number = 1, Index = 0, Slug = "everyone", FileName = "01-everyone.md", Title = "For everyone", Duration = TimeSpan.FromMinutes(5), ContentHash = "h1",
            Blocks =
            [
                new HtmlSegment("<p>Shared text.</p>"),
                new QuestionSegment(everyone),
                new AudienceSection([Audiences.Admin], [new HtmlSegment("<p>Booking text.</p>"), new QuestionSegment(admin)]),
                new AudienceSection([Audiences.Step3, Audiences.Supervisor], [new HtmlSegment("<p>Therapy text.</p>"), new QuestionSegment(step3)]),
            ],
            Questions = [everyone, admin, step3],
        };
        var deeper = Question("q-deeper");
        var second = new Lesson
        {
            Number = 2, Index = 1, Slug = "step3-only", FileName = "02-step3-only.md", Title = "For therapists", Duration = TimeSpan.FromMinutes(10), ContentHash = "h2",
            Audiences = [Audiences.Step3],
            Blocks = [new HtmlSegment("<p>Deeper text.</p>"), new QuestionSegment(deeper)],
            Questions = [deeper],
        };
        return new ContentModule
        {
            Slug = withAssessment ? Slug : Slug + "-without-assessment", Title = "Audience module", Summary = "A module for several roles.", Version = "1.0.0", OverviewHtml = "<p>Overview.</p>",
            ContentHash = "module-hash", FolderPath = "/nowhere", Lessons = [first, second],
            Duration = TimeSpan.FromMinutes(20),
            Assessment = !withAssessment ? null : new ContentAssessment
            {
                Title = "Final assessment", PassMark = 50, QuestionsPerAttempt = 3, Duration = TimeSpan.FromMinutes(5),
                Bank =
                [
                    Question("a1", default, "safety"),
                    Question("a2", default, "safety", "admin"),
                    Question("a3", default, "admin"),
                    Question("a4"),
                    Question("a5"),
                ],
                Draw = [new DrawRule("safety", 1, null, 4), new DrawRule("admin", 2, Audiences.Admin, 5)],
            },
        };
    }
}
