using System.Globalization;
using System.Text;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// A minimal, UAX #9-style reordering of one line from logical to visual (left-to-right drawing)
/// order, enough for names, titles and outcomes: Hebrew and Arabic runs are reversed, other runs
/// (Latin, digits) kept in logical order, neutral characters (spaces, punctuation) take the
/// direction of strong characters on both sides or else the paragraph's, and when the paragraph is
/// right-to-left (its first strong character is Hebrew or Arabic) the order of the runs is reversed.
/// No embedding levels, explicit controls or number-separator rules.
/// </summary>
public static class BidiText
{
    /// <summary>True when the first strong character of <paramref name="text"/> is right-to-left.</summary>
    public static bool IsRightToLeft(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsRtl(rune.Value))
            {
                return true;
            }

            if (IsStrongLtr(rune))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether the text holds any right-to-left character; if not, it needs no reordering.</summary>
    public static bool HasRightToLeft(string text) => text.EnumerateRunes().Any(r => IsRtl(r.Value));

    /// <summary>The line in visual order; text elements (a letter and its marks) stay whole.</summary>
    public static string ToVisual(string line, bool rightToLeftParagraph)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!HasRightToLeft(line))
        {
            return line;
        }

        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        // Direction of each element: true = RTL, false = LTR, null = neutral (resolved below).
        var directions = elements.Select(e => Direction(Rune.GetRuneAt(e, 0))).ToArray();
        for (var i = 0; i < directions.Length; i++)
        {
            if (directions[i] is not null)
            {
                continue;
            }

            var end = i;
            while (end < directions.Length && directions[end] is null)
            {
                end++;
            }

            bool? before = i > 0 ? directions[i - 1] : null;
            bool? after = end < directions.Length ? directions[end] : null;
            var resolved = before is not null && before == after ? before.Value : rightToLeftParagraph;
            for (var j = i; j < end; j++)
            {
                directions[j] = resolved;
            }

            i = end - 1;
        }

        var runs = new List<string>();
        var run = new List<string>();
        for (var i = 0; i < elements.Count; i++)
        {
            run.Add(directions[i] == true ? Mirror(elements[i]) : elements[i]);
            if (i == elements.Count - 1 || directions[i + 1] != directions[i])
            {
                if (directions[i] == true)
                {
                    run.Reverse();
                }

                runs.Add(string.Concat(run));
                run.Clear();
            }
        }

        if (rightToLeftParagraph)
        {
            runs.Reverse();
        }

        return string.Concat(runs);
    }

    private static bool? Direction(Rune rune) =>
        Rune.IsDigit(rune) ? false : IsRtl(rune.Value) ? true : IsStrongLtr(rune) ? false : null;

    private static bool IsStrongLtr(Rune rune) => Rune.IsLetter(rune) && !IsRtl(rune.Value);

    private static bool IsRtl(int c) =>
        c is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EFFF;

    private static string Mirror(string element) => element switch
    {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "\u00AB" => "\u00BB",
        "\u00BB" => "\u00AB",
        _ => element,
    };
}
