using System.Text;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// Minimal Arabic shaping for PDFsharp, which draws code points one glyph each and has no shaping
/// engine: each Arabic letter becomes its isolated, initial, medial or final presentation form
/// (Arabic Presentation Forms-B, U+FE70–U+FEFF, and a few Persian letters from Forms-A), chosen
/// from its own joining type and its neighbours', and lam followed by an alef becomes one
/// lam-alef ligature. Input and output are in logical order; reordering is <see cref="BidiText"/>'s job.
/// </summary>
public static class ArabicShaper
{
    private enum Joining
    {
        None,
        Right,
        Dual,
        Causing,
        Transparent,
    }

    // Letter → (joining type, isolated form); the other forms follow the isolated one:
    // right-joining letters have isolated and final, dual-joining ones isolated, final, initial, medial.
    private static readonly Dictionary<char, (Joining Type, char Isolated)> Letters = new()
    {
        ['\u0621'] = (Joining.None, '\uFE80'),
        ['\u0622'] = (Joining.Right, '\uFE81'),
        ['\u0623'] = (Joining.Right, '\uFE83'),
        ['\u0624'] = (Joining.Right, '\uFE85'),
        ['\u0625'] = (Joining.Right, '\uFE87'),
        ['\u0626'] = (Joining.Dual, '\uFE89'),
        ['\u0627'] = (Joining.Right, '\uFE8D'),
        ['\u0628'] = (Joining.Dual, '\uFE8F'),
        ['\u0629'] = (Joining.Right, '\uFE93'),
        ['\u062A'] = (Joining.Dual, '\uFE95'),
        ['\u062B'] = (Joining.Dual, '\uFE99'),
        ['\u062C'] = (Joining.Dual, '\uFE9D'),
        ['\u062D'] = (Joining.Dual, '\uFEA1'),
        ['\u062E'] = (Joining.Dual, '\uFEA5'),
        ['\u062F'] = (Joining.Right, '\uFEA9'),
        ['\u0630'] = (Joining.Right, '\uFEAB'),
        ['\u0631'] = (Joining.Right, '\uFEAD'),
        ['\u0632'] = (Joining.Right, '\uFEAF'),
        ['\u0633'] = (Joining.Dual, '\uFEB1'),
        ['\u0634'] = (Joining.Dual, '\uFEB5'),
        ['\u0635'] = (Joining.Dual, '\uFEB9'),
        ['\u0636'] = (Joining.Dual, '\uFEBD'),
        ['\u0637'] = (Joining.Dual, '\uFEC1'),
        ['\u0638'] = (Joining.Dual, '\uFEC5'),
        ['\u0639'] = (Joining.Dual, '\uFEC9'),
        ['\u063A'] = (Joining.Dual, '\uFECD'),
        ['\u0641'] = (Joining.Dual, '\uFED1'),
        ['\u0642'] = (Joining.Dual, '\uFED5'),
        ['\u0643'] = (Joining.Dual, '\uFED9'),
        ['\u0644'] = (Joining.Dual, '\uFEDD'),
        ['\u0645'] = (Joining.Dual, '\uFEE1'),
        ['\u0646'] = (Joining.Dual, '\uFEE5'),
        ['\u0647'] = (Joining.Dual, '\uFEE9'),
        ['\u0648'] = (Joining.Right, '\uFEED'),
        ['\u0649'] = (Joining.Right, '\uFEEF'),
        ['\u064A'] = (Joining.Dual, '\uFEF1'),

        // Persian and Urdu letters (Arabic Presentation Forms-A).
        ['\u067E'] = (Joining.Dual, '\uFB56'),
        ['\u0686'] = (Joining.Dual, '\uFB7A'),
        ['\u0698'] = (Joining.Right, '\uFB8A'),
        ['\u06A9'] = (Joining.Dual, '\uFB8E'),
        ['\u06AF'] = (Joining.Dual, '\uFB92'),
        ['\u06CC'] = (Joining.Dual, '\uFBFC'),
    };

    // Alef after lam → isolated lam-alef ligature; the final form is the next code point.
    private static readonly Dictionary<char, char> LamAlef = new()
    {
        ['\u0622'] = '\uFEF5',
        ['\u0623'] = '\uFEF7',
        ['\u0625'] = '\uFEF9',
        ['\u0627'] = '\uFEFB',
    };

    private const char Lam = '\u0644';

    /// <summary>Replaces Arabic letters with the presentation forms their position calls for; other text is unchanged.</summary>
    public static string Shape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => Letters.ContainsKey(c)))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Letters.TryGetValue(c, out var letter))
            {
                result.Append(c);
                continue;
            }

            var joinsBefore = letter.Type is Joining.Dual or Joining.Right && Type(Neighbour(text, i, -1)) is Joining.Dual or Joining.Causing;
            var next = NeighbourIndex(text, i, +1);

            if (c == Lam && next >= 0 && LamAlef.TryGetValue(text[next], out var ligature))
            {
                result.Append((char)(ligature + (joinsBefore ? 1 : 0)));

                // Marks between the lam and the alef stay, after the ligature.
                result.Append(text, i + 1, next - i - 1);
                i = next;
                continue;
            }

            var joinsAfter = letter.Type is Joining.Dual && Type(next >= 0 ? text[next] : '\0') is Joining.Dual or Joining.Right or Joining.Causing;
            var form = (joinsBefore, joinsAfter) switch
            {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            };
            result.Append((char)(letter.Isolated + form));
        }

        return result.ToString();
    }

    private static char Neighbour(string text, int at, int step) => NeighbourIndex(text, at, step) is var i and >= 0 ? text[i] : '\0';

    // The nearest character that is not a transparent mark (harakat), or -1.
    private static int NeighbourIndex(string text, int at, int step)
    {
        for (var i = at + step; i >= 0 && i < text.Length; i += step)
        {
            if (Type(text[i]) != Joining.Transparent)
            {
                return i;
            }
        }

        return -1;
    }

    private static Joining Type(char c) =>
        Letters.TryGetValue(c, out var letter) ? letter.Type
        : c is '\u0640' or '\u200D' ? Joining.Causing
        : c is >= '\u064B' and <= '\u065F' or '\u0670' ? Joining.Transparent
        : Joining.None;
}
