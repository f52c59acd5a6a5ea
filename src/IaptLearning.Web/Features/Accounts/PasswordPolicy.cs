using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Features.Accounts;

/// <summary>
/// Beyond the 12-character minimum (NCSC; OWASP ASVS 6.2.4, 6.2.11, 6.2.12): refuses passwords on
/// a list of common ones (zxcvbn's ranked list of about 30,000, from leaked-password corpora),
/// those made of one repeated character, and the person's own email address or name, each also
/// with digits or symbols added at the end ("password1234"). No composition rules.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    public static IReadOnlyCollection<string> CommonPasswords => Common.Value;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var error = Check(password, user.Email, user.FullName);
        return Task.FromResult(error is null ? IdentityResult.Success : IdentityResult.Failed(error));
    }

    /// <summary>The reason <paramref name="password"/> is refused, or null.</summary>
    public static IdentityError? Check(string password, string? email, string? name)
    {
        ArgumentNullException.ThrowIfNull(password);
        var folded = Fold(password);
        if (folded.Length > 0 && folded.All(c => c == folded[0]))
        {
            return new IdentityError { Code = "PasswordRepeated", Description = "Your password cannot be one character repeated. Try three or four random words." };
        }

        var stem = folded.TrimEnd("0123456789!?.,;:-_*#@$%&+=~^ ".ToCharArray());
        if (Common.Value.Contains(folded) || (stem.Length >= 4 && Common.Value.Contains(stem)))
        {
            return new IdentityError { Code = "PasswordCommon", Description = "Your password is too easy to guess: it is one of the most common passwords. Try three or four random words." };
        }

        var own = PersonalWords(email, name);
        if (own.Contains(folded) || own.Contains(stem))
        {
            return new IdentityError { Code = "PasswordPersonal", Description = "Your password cannot be your email address or your name. Try three or four random words." };
        }

        return null;
    }

    private static HashSet<string> PersonalWords(string? email, string? name)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(email))
        {
            words.Add(Fold(email));
            var at = email.IndexOf('@', StringComparison.Ordinal);
            if (at > 0)
            {
                words.Add(Fold(email[..at]));
                words.Add(Fold(email[..at].Replace(".", "", StringComparison.Ordinal)));
            }
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            words.Add(Fold(name));
        }

        words.Remove("");
        return words;
    }

    /// <summary>Lower case without spaces: "Pass Word" and "password" are the same guess.</summary>
    private static string Fold(string value) =>
        string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    private static HashSet<string> LoadCommonPasswords()
    {
        var assembly = typeof(Zxcvbn.Zxcvbn).Assembly;
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("passwords.lst", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The common-password list is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = Fold(line);
            if (word.Length > 0)
            {
                set.Add(word);
            }
        }

        return set;
    }
}
