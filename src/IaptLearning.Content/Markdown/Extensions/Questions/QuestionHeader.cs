using System.Collections.Immutable;
using System.Text.RegularExpressions;
using IaptLearning.Content.Diagnostics;

namespace IaptLearning.Content.Markdown.Extensions.Questions;

/// <summary>
/// The words after <c>::: question</c>: an optional id, then tags that start with <c>#</c>
/// (<c>::: question caller-chest-pain #safety #admin</c>).
/// </summary>
internal static partial class QuestionHeader
{
    /// <summary>Reads the id (null when none is given) and tags, reporting each bad word; false when any word was bad.</summary>
    public static bool TryRead(string? arguments, int line, int column, DiagnosticBag bag, out string? id, out ImmutableArray<string> tags)
    {
        id = null;
        var found = ImmutableArray.CreateBuilder<string>();
        var ok = true;
        var words = (arguments ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var plain = words.TakeWhile(w => !w.StartsWith('#')).ToList();
        foreach (var word in words.Skip(plain.Count))
        {
            if (!word.StartsWith('#'))
            {
                bag.Error(DiagnosticCodes.InvalidQuestionId, line, column,
                    $"'{DiagnosticText.Shorten(word)}' after the question's tags is not a tag: the id goes straight after 'question', and each tag starts with '#'");
                ok = false;
                continue;
            }

            var tag = word[1..];
            if (!IsTag(tag))
            {
                bag.Error(DiagnosticCodes.InvalidTag, line, column,
                    $"tag '{DiagnosticText.Shorten(word)}' must be '#' and then lower-case letters, digits and single hyphens, such as '#safety'");
                ok = false;
            }
            else if (!found.Contains(tag))
            {
                found.Add(tag);
            }
        }

        if (plain.Count > 0)
        {
            var written = string.Join(' ', plain);
            if (plain.Count == 1 && IsTag(written))
            {
                id = written;
            }
            else
            {
                bag.Error(DiagnosticCodes.InvalidQuestionId, line, column,
                    $"question id '{DiagnosticText.Shorten(written)}' must be lower-case letters, digits and single hyphens, such as 'ng188-terms'");
                ok = false;
            }
        }

        tags = found.ToImmutable();
        return ok;
    }

    /// <summary>Ids and tags are slugs.</summary>
    public static bool IsTag(string word) => word.Length is > 0 and <= 80 && SlugPattern().IsMatch(word);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
