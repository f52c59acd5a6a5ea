using System.Text;
using IaptLearning.Content.Model;

namespace IaptLearning.Content.Tests.Specs;

/// <summary>
/// Runs every example in Specs/Validation (a file dropped into a valid module, and the exact
/// problem lines the validator must print) and Specs/Rendering (a lesson body, and the exact
/// HTML and questions a learner is served).
/// </summary>
public sealed class SpecTests
{
    public static TheoryData<string, int> ValidationExamples() => Data("Validation");

    public static TheoryData<string, int> RenderingExamples() => Data("Rendering");

    [Theory]
    [MemberData(nameof(ValidationExamples))]
    public void Validate_SpecExample_ReportsExactlyTheExpectedProblems(string specFile, int line)
    {
        var example = Find("Validation", specFile, line);
        using var content = new TempContent().WithValidModule();
        content.Write($"breathing/{example.FileName}", example.Input);

        var lines = TempContent.Lines(content.Load());

        var actual = lines.Count == 0 ? "(no problems)" : string.Join('\n', lines);
        Assert.True(example.Expected == actual, $"{example}\nexpected:\n{example.Expected}\nactual:\n{actual}");
    }

    [Theory]
    [MemberData(nameof(RenderingExamples))]
    public void Render_SpecExample_ProducesTheExpectedLesson(string specFile, int line)
    {
        var example = Find("Rendering", specFile, line);
        using var content = new TempContent().WithValidModule();
        content.Write("breathing/02-example.md", "---\ntitle: Example\nduration: 1m\n---\n" + example.Input);

        var entry = content.Load().FindEntry("breathing")!;
        var result = entry.Snapshot.Results["02-example.md"];

        var actual = Describe(result.Blocks);
        Assert.True(example.Expected == actual, $"{example}\nexpected:\n{example.Expected}\nactual:\n{actual}");
    }

    internal static string Describe(IEnumerable<LessonBlock> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HtmlSegment html:
                    sb.Append(html.Html).Append('\n');
                    break;
                case QuestionSegment { Question: var q }:
                    sb.Append($"[question {q.Id} {(q.Kind == QuestionKind.SingleAnswer ? "single" : "multiple")}]\n");
                    sb.Append($"prompt: {q.PromptHtml}\n");
                    foreach (var option in q.Options)
                    {
                        sb.Append($"option {option.Index}{(option.IsCorrect ? " correct" : "")}: {option.Html}\n");
                        if (option.FeedbackHtml is not null)
                        {
                            sb.Append($"feedback: {option.FeedbackHtml}\n");
                        }
                    }

                    if (q.ExplanationHtml is not null)
                    {
                        sb.Append($"explanation: {q.ExplanationHtml}\n");
                    }

                    sb.Append("[/question]\n");
                    break;
            }
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static TheoryData<string, int> Data(string folder)
    {
        var data = new TheoryData<string, int>();
        foreach (var example in SpecExample.ReadAll(folder))
        {
            data.Add(example.SpecFile, example.Line);
        }

        return data;
    }

    private static SpecExample Find(string folder, string specFile, int line) =>
        SpecExample.ReadAll(folder).Single(e => e.SpecFile == specFile && e.Line == line);
}
