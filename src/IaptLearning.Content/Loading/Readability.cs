using System.Text.RegularExpressions;
using IaptLearning.Content.Markdown.Rendering;
using IaptLearning.Content.Model;
using Markdig.Syntax;

namespace IaptLearning.Content.Loading;

/// <summary>
/// Measures a lesson's body as the contract's estimate rule counts it: every word a learner may
/// read (headings, paragraphs, lists, tables, <c>for</c> sections and questions), never link
/// targets, image paths or front matter; and the Flesch reading ease of its sentences.
/// </summary>
internal static partial class Readability
{
    public static LessonReadability Measure(MarkdownDocument document, int knowledgeChecks)
    {
        var words = 0;
        var sentenceWords = 0;
        var syllables = 0;
        var sentences = new List<Sentence>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is LinkReferenceDefinition || leaf.Parent is LinkReferenceDefinitionGroup)
            {
                continue;
            }

            var text = PlainText.Of(leaf);
            var count = CountWords(text);
            words += count;
            if (count == 0 || leaf is HeadingBlock or CodeBlock)
            {
                // Headings and code are read, so they count towards time, but they are not sentences.
                continue;
            }

            foreach (var sentence in SentenceEnd().Split(text))
            {
                var n = CountWords(sentence);
                if (n == 0)
                {
                    continue;
                }

                sentences.Add(new Sentence(n, sentence.Trim()));
                sentenceWords += n;
                syllables += Words(sentence).Sum(Syllables);
            }
        }

        var ease = sentences.Count == 0 || sentenceWords == 0
            ? 0
            : 206.835 - (1.015 * sentenceWords / sentences.Count) - (84.6 * syllables / sentenceWords);
        return new LessonReadability(words, knowledgeChecks, Math.Round(ease, 1),
            [.. sentences.OrderByDescending(s => s.Words).Take(5)]);
    }

    /// <summary>Words are runs of non-space characters holding a letter or a digit (a lone dash is not a word).</summary>
    public static int CountWords(string text) => Words(text).Count();

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit));

    /// <summary>The usual English heuristic: vowel groups, less a silent final e, at least one.</summary>
    internal static int Syllables(string word)
    {
        var letters = new string([.. word.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
        if (letters.Length == 0)
        {
            return 1;
        }

        if (letters.Length <= 3)
        {
            return 1;
        }

        letters = SilentEnding().Replace(letters, "");
        letters = LeadingY().Replace(letters, "");
        var groups = VowelGroup().Count(letters);
        return Math.Max(1, groups);
    }

    [GeneratedRegex(@"(?<=[.!?…])[""'’”)]*\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", RegexOptions.CultureInvariant)]
    private static partial Regex SilentEnding();

    [GeneratedRegex("^y", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]+", RegexOptions.CultureInvariant)]
    private static partial Regex VowelGroup();
}
