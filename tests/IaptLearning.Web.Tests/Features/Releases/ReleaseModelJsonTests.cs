using IaptLearning.Content;
using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Releases;
using IaptLearning.Web.Tests.Features.Learning;

namespace IaptLearning.Web.Tests.Features.Releases;

public sealed class ReleaseModelJsonTests
{
    public static TheoryData<string, string> Modules => new()
    {
        { WebAppFixture.SampleContentPath, "sample-module" },
        { ShippedContent.FolderPath(), "long-covid" },
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void Deserialize_Serialized_GivesTheSameModuleServedFromTheNewFolder(string root, string slug)
    {
        var module = new ContentLoader().Load(root).FindModule(slug)!;

        var back = ReleaseModelJson.TryDeserialize(ReleaseModelJson.Serialize(module), "/srv/releases/x")!;

        Assert.Equal("/srv/releases/x", back.FolderPath);
        Assert.Equal((module.Title, module.Version, module.ContentHash, module.CpdMinutes, module.Duration, module.OverviewHtml),
            (back.Title, back.Version, back.ContentHash, back.CpdMinutes, back.Duration, back.OverviewHtml));
        Assert.Equal(module.Outcomes.ToArray(), back.Outcomes.ToArray());
        Assert.Equal(module.MediaFiles.Order(), back.MediaFiles.Order());
        Assert.Equal(module.Lessons.Length, back.Lessons.Length);
        foreach (var (was, now) in module.Lessons.Zip(back.Lessons))
        {
            Assert.Equal((was.Slug, was.Title, was.Duration, was.MinTime, was.ContentHash), (now.Slug, now.Title, now.Duration, now.MinTime, now.ContentHash));
            Assert.Equal(was.Blocks.Select(Describe), now.Blocks.Select(Describe));
            Assert.Equal(was.Headings.ToArray(), now.Headings.ToArray());
            Assert.Equal(was.Questions.Select(Describe), now.Questions.Select(Describe));
            // The same objects as in the blocks, as the loader makes them.
            Assert.True(QuestionsInBlocks(now.Blocks).SequenceEqual(now.Questions, ReferenceEqualityComparer.Instance));
        }

        Assert.Equal(module.Assessment!.Bank.Select(Describe), back.Assessment!.Bank.Select(Describe));
        Assert.Equal((module.Assessment.PassMark, module.Assessment.QuestionsPerAttempt, module.Assessment.MaxAttempts, module.Assessment.Shuffle, module.Assessment.IntroHtml),
            (back.Assessment.PassMark, back.Assessment.QuestionsPerAttempt, back.Assessment.MaxAttempts, back.Assessment.Shuffle, back.Assessment.IntroHtml));
    }

    [Fact]
    public void Deserialize_ModuleWithAudiences_KeepsSectionsTagsLessonAudiencesAndDrawRules()
    {
        var module = LessonAudienceModels.Module();

        var back = ReleaseModelJson.TryDeserialize(ReleaseModelJson.Serialize(module), "/srv/releases/y")!;

        Assert.True(back.UsesAudiences);
        foreach (var (was, now) in module.Lessons.Zip(back.Lessons, (a, b) => (a, b)))
        {
            Assert.Equal(was.Audiences.ToArray(), now.Audiences.ToArray());
            Assert.Equal(was.Blocks.Select(Describe), now.Blocks.Select(Describe));
            // Questions in sections too, in reading order, the very objects in the blocks.
            Assert.Equal(was.Questions.Select(Describe), now.Questions.Select(Describe));
            Assert.True(QuestionsInBlocks(now.Blocks).SequenceEqual(now.Questions, ReferenceEqualityComparer.Instance));
        }

        Assert.Equal(["q-everyone", "q-admin", "q-step3"], back.Lessons[0].Questions.Select(q => q.Id));
        Assert.Equal(module.Assessment!.Bank.Select(Describe), back.Assessment!.Bank.Select(Describe));
        Assert.Equal(module.Assessment.Draw.ToArray(), back.Assessment.Draw.ToArray());
        Assert.Equal(Audiences.All.Select(module.MinutesFor), Audiences.All.Select(back.MinutesFor));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{\"Title\":\"only a title\"}")]
    [InlineData("not json")]
    public void TryDeserialize_NotAModelThisBuildReads_IsNull(string? json)
    {
        Assert.Null(ReleaseModelJson.TryDeserialize(json, "/srv/releases/x"));
    }

    private static string Describe(LessonBlock block) => block switch
    {
        HtmlSegment html => "html:" + html.Html,
        QuestionSegment question => "question:" + Describe(question.Question),
        AudienceSection section => $"section({string.Join(' ', section.Audiences)}):" + string.Join("/", section.Blocks.Select(Describe)),
        _ => throw new InvalidOperationException(block.GetType().Name),
    };

    private static IEnumerable<Question> QuestionsInBlocks(IEnumerable<LessonBlock> blocks) => blocks.SelectMany<LessonBlock, Question>(b => b switch
    {
        QuestionSegment segment => [segment.Question],
        AudienceSection section => QuestionsInBlocks(section.Blocks),
        _ => [],
    });

    private static string Describe(Question q) =>
        $"{q.Id}|{string.Join(' ', q.Tags)}|{string.Join(' ', q.Audiences)}|{q.HasExplicitId}|{q.PromptHtml}|{q.PromptText}|{q.ExplanationHtml}|{q.SourceFile}:{q.Line}|{q.Kind}|" +
        string.Join(";", q.Options.Select(o => $"{o.Index},{o.Key},{o.Html},{o.Text},{o.IsCorrect},{o.FeedbackHtml}"));
}
