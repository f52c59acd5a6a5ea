using System.Text.RegularExpressions;
using IaptLearning.Content.Model;
using IaptLearning.Web.Features.Learning;

namespace IaptLearning.Web.Tests.Features.Learning;

/// <summary>
/// The idle rule measured against the content: someone reading the longest paragraph of any
/// shipped lesson, slowly and without touching anything, must not be counted as away.
/// </summary>
public partial class IdleRuleTests
{
    // Half the 200 words a minute of an ordinary reader: dyslexia, English as an additional language, a careful second read.
    private const double SlowWordsPerMinute = 100;

    [Fact]
    public void IdleAfter_Default_CoversTheLongestParagraphReadSlowlyTwice()
    {
        var (words, where) = LongestParagraph();
        var slowRead = TimeSpan.FromMinutes(words / SlowWordsPerMinute);

        Assert.True(new LearningOptions().IdleAfter >= 2 * slowRead,
            $"The longest paragraph ({words} words, {where}) takes {slowRead:m\\:ss} at {SlowWordsPerMinute} words a minute; Learning:IdleAfter must be at least twice that.");
    }

    private static (int Words, string Where) LongestParagraph() =>
        ShippedContent.PublishedModules().SelectMany(m => m.Lessons.SelectMany(l => l.Blocks.OfType<HtmlSegment>()
                .SelectMany(h => Paragraph().Matches(h.Html))
                .Select(p => (Words: Word().Count(Tag().Replace(p.Groups[1].Value, " ")), Where: $"{m.Slug}/{l.FileName}"))))
            .MaxBy(p => p.Words);

    [GeneratedRegex("<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Paragraph();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();
}
