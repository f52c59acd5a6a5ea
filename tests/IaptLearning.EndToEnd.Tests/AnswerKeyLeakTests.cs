using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IaptLearning.Content.Model;
using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>
/// Before the learner submits, neither the page source nor anything sent down the circuit carries
/// which options are right: no option feedback, no explanation.
/// </summary>
public sealed partial class AnswerKeyLeakTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();
    private readonly StringBuilder _traffic = new();

    public Task InitializeAsync() => _app.StartAsync(minTimeScale: 0);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PageSourceAndCircuitTraffic_BeforeSubmission_HoldNoAnswerKey()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = learner.Page;
        var module = Learner.LongCovid;
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => Record(frame);
            socket.FrameSent += (_, frame) => Record(frame);
        };
        await learner.SignUpAsync();

        // A lesson, first as the server sends it, then after the circuit has rendered it.
        var lesson = module.Lessons[0];
        var response = await page.GotoAsync(Content.ContentAddresses.Lesson(module.Slug, lesson.Slug).TrimStart('/'));
        var source = await response!.TextAsync();
        await learner.WaitInteractiveAsync();
        await page.WaitForTimeoutAsync(1500);
        var lessonMarkers = lesson.Questions.SelectMany(Markers).ToList();
        Assert.NotEmpty(lessonMarkers);
        AssertNoneIn(lessonMarkers, source, "lesson page source");
        AssertNoneIn(lessonMarkers, await page.ContentAsync(), "lesson DOM");
        AssertNoneIn(lessonMarkers, Traffic(), "lesson circuit traffic");

        // Control: once a check is answered its explanation does arrive, so the capture can see markers.
        await learner.AnswerKnowledgeCheckAsync(lesson.Questions[0]);
        await page.WaitForTimeoutAsync(500);
        Assert.Contains(Markers(lesson.Questions[0]), m => Traffic().Contains(m, StringComparison.Ordinal));

        // The assessment bank, up to the moment of submission.
        await learner.CompleteAllLessonsAsync();
        lock (_traffic)
        {
            _traffic.Clear();
        }

        await learner.PressButtonAsync("Start the assessment");
        await learner.AnswerAllAsync(correctly: true);
        var bankMarkers = module.Assessment!.Bank.SelectMany(Markers).ToList();
        var assessmentSource = await (await page.APIRequest.GetAsync(Content.ContentAddresses.Assessment(module.Slug).TrimStart('/'))).TextAsync();
        AssertNoneIn(bankMarkers, assessmentSource, "assessment page source");
        AssertNoneIn(bankMarkers, await page.ContentAsync(), "assessment DOM");
        AssertNoneIn(bankMarkers, Traffic(), "assessment circuit traffic");
        Assert.DoesNotContain("Correct answer", Traffic(), StringComparison.Ordinal);
    }

    /// <summary>Distinctive pieces of each answer key: the option feedback and the explanation, as HTML and as text.</summary>
    private static IEnumerable<string> Markers(Question question)
    {
        var keys = question.Options.Select(o => o.FeedbackHtml).Append(question.ExplanationHtml).OfType<string>();
        foreach (var html in keys)
        {
            yield return html;
            var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
            var phrase = Phrases().Matches(text).Select(m => m.Value.Trim()).OrderByDescending(p => p.Length).FirstOrDefault();
            if (phrase is { Length: >= 20 } && !PublicText.Contains(phrase, StringComparison.Ordinal))
            {
                yield return phrase;
            }
        }
    }

    /// <summary>What any learner may see: a phrase found here is no marker of an answer key.</summary>
    private static readonly string PublicText = string.Join("\n",
        Learner.LongCovid.Lessons.SelectMany(l => l.Blocks).OfType<HtmlSegment>().Select(b => WebUtility.HtmlDecode(Tags().Replace(b.Html, " ")))
            .Concat(Learner.LongCovid.Lessons.SelectMany(l => l.Questions).Concat(Learner.LongCovid.Assessment!.Bank)
                .SelectMany(q => q.Options.Select(o => o.Text).Append(q.PromptText)))
            .Append(WebUtility.HtmlDecode(Tags().Replace(Learner.LongCovid.Assessment.IntroHtml + Learner.LongCovid.OverviewHtml, " "))));

    private static void AssertNoneIn(IEnumerable<string> markers, string haystack, string where)
    {
        var found = markers.Where(m => haystack.Contains(m, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"{where} holds answer keys: {string.Join(" | ", found)}");
    }

    private void Record(IWebSocketFrame frame)
    {
        lock (_traffic)
        {
            if (frame.Binary is { } bytes)
            {
                _traffic.Append(Encoding.UTF8.GetString(bytes));
            }

            if (frame.Text is { } text)
            {
                _traffic.Append(text);
                // Render batches travel as base64 inside the JSON hub protocol: decode them too.
                foreach (Match m in Base64().Matches(text))
                {
                    try
                    {
                        _traffic.Append(Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));
                    }
                    catch (FormatException)
                    {
                        // Not base64 after all.
                    }
                }
            }
        }
    }

    private string Traffic()
    {
        lock (_traffic)
        {
            return _traffic.ToString();
        }
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[A-Za-z ,]{20,}")]
    private static partial Regex Phrases();

    [GeneratedRegex("\"([A-Za-z0-9+/]{40,}={0,2})\"")]
    private static partial Regex Base64();
}
