using System.Security.Cryptography;

namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// The secret that looks a certificate up on the public verification page. Crockford base32
/// rather than base64url: people type it from paper, so it has one case, no punctuation that
/// a URL or a reader can mangle, and no I/L/O/U to confuse with 1/0/V. 28 symbols of 5 bits
/// give 140 bits from the CSPRNG (ASVS 11.5.1 asks for 128) and print as seven groups of four.
/// </summary>
public static class VerificationCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 28;
    public const int BitsPerSymbol = 5;
    public const int Bits = Length * BitsPerSymbol;
    private const int GroupSize = 4;

    // Generous enough for the grouped form with stray spaces, small enough that nobody can
    // make the lookup do real work with a long address.
    public const int MaxInputLength = 64;

    /// <summary>A new code in canonical form: 28 upper-case symbols, no separators, URL-safe as it is.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>"ABCD-EFGH-…" for print; <see cref="TryNormalise"/> reads it back.</summary>
    public static string Format(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Join('-', code.Chunk(GroupSize).Select(group => new string(group)));
    }

    /// <summary>
    /// Accepts what a person might type from a printed certificate (any case, hyphens or spaces
    /// between groups, I/L for 1 and O for 0) and gives the canonical form to look up.
    /// </summary>
    public static bool TryNormalise(string? input, out string code)
    {
        code = string.Empty;
        if (string.IsNullOrEmpty(input) || input.Length > MaxInputLength)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[Length];
        var count = 0;
        foreach (var c in input)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var symbol = char.ToUpperInvariant(c) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (count == Length || Alphabet.IndexOf(symbol, StringComparison.Ordinal) < 0)
            {
                return false;
            }

            buffer[count++] = symbol;
        }

        if (count != Length)
        {
            return false;
        }

        code = new string(buffer);
        return true;
    }
}
