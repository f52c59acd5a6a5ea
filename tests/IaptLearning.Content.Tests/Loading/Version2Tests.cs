using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Model;
using Microsoft.Extensions.Time.Testing;

namespace IaptLearning.Content.Tests.Loading;

/// <summary>Format version 2: what the loader builds from audiences, tags, draw rules and review keys, and the summary and report it prints.</summary>
public sealed class Version2Tests
{
    private const string SectionLesson = """
        ---
        title: Second lesson
        duration: 5m
        ---
        ## For everyone

        Everyone reads this.

        ::: for admin step2
        Booking staff and PWPs read this in place.

        ::: question booking-check #safety #admin
        Who do you call?

        - [x] The duty clinician
        - [ ] Nobody at all
        :::
        :::

        ::: question general-check
        A question for everyone.

        - [x] Right answer
        - [ ] Wrong answer
        :::
        """;

    private const string Step3Lesson = """
        ---
        title: For therapists
        duration: 8m
        audience: [step3, supervisor]
        ---
        Therapists' material.
        """;

    private const string Assessment = """
        ---
        pass_mark: 80
        questions: 2
        duration: 3m
        draw:
          - { tag: safety, count: 1 }
          - { tag: admin, count: 1, audience: admin }
        ---
        ::: question a1 #safety #admin
        One?

        - [x] Yes
        - [ ] No, never
        :::

        ::: question a2 #safety
        Two?

        - [x] Yes
        - [ ] No, never
        :::

        ::: question a3
        Three?

        - [x] Yes
        - [ ] No, never
        :::
        """;

    private static ContentModule LoadModule(TempContent content)
    {
        var catalog = content.Load();
        Assert.Empty(TempContent.Lines(catalog));
        return catalog.FindModule("breathing") ?? throw new InvalidOperationException("module did not load");
    }

    [Fact]
    public void Load_ForSection_BecomesASectionHoldingItsTextAndQuestion()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-sections.md", SectionLesson);

        var lesson = LoadModule(content).Lessons[1];

        var section = Assert.Single(lesson.Blocks.OfType<AudienceSection>());
        Assert.Equal(new[] { "admin", "step2" }, section.Audiences.AsEnumerable());
        Assert.Contains("Booking staff and PWPs read this in place.", Assert.IsType<HtmlSegment>(section.Blocks[0]).Html, StringComparison.Ordinal);
        var inSection = Assert.IsType<QuestionSegment>(section.Blocks[1]).Question;
        Assert.Equal("booking-check", inSection.Id);
        Assert.Equal(new[] { "safety", "admin" }, inSection.Tags.AsEnumerable());
        Assert.Equal(new[] { "admin", "step2" }, inSection.Audiences.AsEnumerable());

        // Every question of the lesson is listed, the section's included; the one outside is for everyone.
        Assert.Equal(["booking-check", "general-check"], lesson.Questions.Select(q => q.Id));
        Assert.Empty(lesson.Questions[1].Audiences);
        Assert.DoesNotContain("Booking staff", string.Concat(lesson.Blocks.OfType<HtmlSegment>().Select(h => h.Html)), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CodeBlockWithColonFences_IsLeftAsCode()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-code.md", "---\ntitle: Code\nduration: 2m\n---\n```\n::: for admin\n::: question\n:::\n```\n\n::: for admin\nText.\n:::\n");

        var lesson = LoadModule(content).Lessons[1];

        Assert.Contains("::: for admin", Assert.IsType<HtmlSegment>(lesson.Blocks[0]).Html, StringComparison.Ordinal);
        Assert.IsType<AudienceSection>(lesson.Blocks[1]);
    }

    [Fact]
    public void Summary_ModuleWithAudiences_PrintsEveryAudiencesTimeUnderTheSummaryLine()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-sections.md", SectionLesson);
        content.Write("breathing/03-therapists.md", Step3Lesson);
        content.Write("breathing/assessment.md", Assessment);

        var catalog = content.Load();
        var output = new StringWriter();
        ValidationReport.WriteText("content", catalog, output);

        // Lessons: 4m + 5m for everyone, 8m for step3 and supervisor; assessment 3m.
        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("breathing 1.2.3: 3 lessons, 20 min, 3 knowledge checks, assessment 2 of 3 questions", lines[0]);
        Assert.Equal("  audiences: admin 12 min, step2 12 min, step3 20 min, supervisor 20 min, manager 12 min", lines[1]);
        var module = catalog.FindModule("breathing")!;
        Assert.True(module.Lessons[2].IsRequiredFor("step3"));
        Assert.False(module.Lessons[2].IsRequiredFor("admin"));
        Assert.True(module.Lessons[2].IsRequiredFor(null));
        Assert.Equal(
            new[] { new DrawRule("safety", 1, null, 6), new DrawRule("admin", 1, "admin", 7) },
            module.Assessment!.Draw.AsEnumerable());
    }

    [Fact]
    public void Summary_ModuleWithoutAudiences_PrintsNoAudienceLine()
    {
        using var content = new TempContent().WithValidModule();

        var output = new StringWriter();
        ValidationReport.WriteText("content", content.Load(), output);

        Assert.DoesNotContain("audiences:", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-06-30", null)]
    [InlineData("2026-07-01", null)]
    [InlineData("2026-07-02", "warning IAPT048")]
    public void ReviewDue_IsPastOnlyAfterItsDayInLondon(string londonToday, string? expected)
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/module.md", TempContent.ValidModule.Replace("outcomes:", "review_due: 2026-07-01\noutcomes:", StringComparison.Ordinal));
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time): London's date is the one that counts.
        var utc = DateOnly.Parse(londonToday, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(0, 30)).AddHours(-1);
        var clock = new FakeTimeProvider(new DateTimeOffset(utc, TimeSpan.Zero));

        var lines = TempContent.Lines(new ContentLoader(new ContentLoaderOptions { Clock = clock }).Load(content.Root));

        if (expected is null)
        {
            Assert.Empty(lines);
        }
        else
        {
            Assert.Contains(lines, l => l.StartsWith("content/breathing/module.md(6,1): " + expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Load_ReviewAndRecertify_AreOnTheModule()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/module.md", TempContent.ValidModule
            .Replace("version: 1.2.3", "version: 10.0.0", StringComparison.Ordinal)
            .Replace("outcomes:", "review_due: 2099-01-05\nrecertify: { below: 9.2.0, within_days: 60, reason: \"Advice on activity changed.\" }\noutcomes:", StringComparison.Ordinal));

        var module = LoadModule(content);

        Assert.Equal(new ContentReview("A. Reviewer, clinical psychologist", new DateOnly(2026, 1, 5)), module.Reviewed);
        Assert.Equal(new DateOnly(2099, 1, 5), module.ReviewDue);
        Assert.Equal(new RecertifyRule("9.2.0", 60, "Advice on activity changed."), module.Recertify);
    }

    [Fact]
    public void Readability_CountsEveryWordALearnerReadsButNotLinkTargetsOrFrontMatter()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-words.md", """
            ---
            title: Many words in the title do not count
            duration: 5m
            ---
            ## Two words

            Three [words here](https://example.org/a/very/long/path/that/is/not/read).

            | Cell one | Cell two |
            | --- | --- |
            | a | b |

            ::: for admin
            Section words count.
            :::

            ::: question words-check
            Prompt words?

            - [x] Option one
              > Feedback here.
            - [ ] Option two

            > Explanation text.
            :::
            """);

        var readability = LoadModule(content).Lessons[1].Readability!;

        // 2 + 3 + 6 (table) + 3 + 2 + 4 (options) + 2 (feedback) + 2 (explanation) = 24.
        Assert.Equal(24, readability.Words);
        Assert.Equal(1, readability.KnowledgeChecks);
        Assert.Equal(TimeSpan.FromSeconds(7 + 45), readability.Estimate);
    }

    [Fact]
    public void Readability_PlainShortSentencesScoreHigherThanLongLatinateOnes()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-plain.md", "---\ntitle: Plain\nduration: 2m\n---\nThe cat sat on the mat. It was a warm day. We had tea.\n");
        content.Write("breathing/03-dense.md", "---\ntitle: Dense\nduration: 2m\n---\nMultidisciplinary rehabilitation interventions necessitate individualised consideration of physiological deconditioning, autonomic dysregulation and psychological comorbidity, notwithstanding considerable heterogeneity.\n");

        var module = LoadModule(content);
        var plain = module.Lessons[1].Readability!;
        var dense = module.Lessons[2].Readability!;

        Assert.True(plain.FleschReadingEase > 90, $"plain text scored {plain.FleschReadingEase}");
        Assert.True(dense.FleschReadingEase < 0, $"dense text scored {dense.FleschReadingEase}");
        Assert.Equal(3, plain.LongestSentences.Length);
        Assert.Equal(new Sentence(6, "The cat sat on the mat."), plain.LongestSentences[0]);
    }

    [Fact]
    public void Report_PrintsEachLessonsWordsEstimateDurationEaseAndLongestSentences()
    {
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-plain.md", "---\ntitle: Plain\nduration: 2m\n---\nThe cat sat on the mat. It was a warm day. We had tea.\n");

        var output = new StringWriter();
        ValidationReport.WriteReadingReport(content.Load(), output);
        var text = output.ToString();

        Assert.Matches(@"02-plain\.md\s+14\s+4s\s+2m\s+\d+\.\d", text);
        Assert.Contains("      6 words: The cat sat on the mat.", text, StringComparison.Ordinal);
        Assert.Contains("01-first.md: longest sentences", text, StringComparison.Ordinal);
    }
}
