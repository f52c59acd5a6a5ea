using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace IaptLearning.EndToEnd.Tests.Pages;

/// <summary>The app's email pickup folder (no mail server in tests): the messages sent to an address, and the links in them.</summary>
public sealed partial class Mailbox(string dataPath)
{
    private string Folder => Path.Combine(dataPath, "mail");

    /// <summary>The decoded text of every message to <paramref name="email"/> so far.</summary>
    public async Task<List<string>> MessagesToAsync(string email)
    {
        var found = new List<string>();
        foreach (var file in Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.eml") : [])
        {
            var text = DecodeQuotedPrintable(await File.ReadAllTextAsync(file));
            if (text.Contains("To: " + email, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(text);
            }
        }

        return found;
    }

    /// <summary>Waits up to 5 seconds for a message to <paramref name="email"/> whose subject is <paramref name="subject"/>.</summary>
    public async Task<string> WaitForAsync(string email, string subject)
    {
        for (var i = 0; i < 50; i++)
        {
            if ((await MessagesToAsync(email)).FirstOrDefault(m => m.Contains("Subject: " + subject, StringComparison.Ordinal)) is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No email '{subject}' to {email} in the pickup folder.");
    }

    /// <summary>The first link in a message whose address contains <paramref name="path"/>.</summary>
    public static string Link(string message, string path) =>
        Href().Matches(message).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).FirstOrDefault(h => h.Contains(path, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link to {path} in the message.");

    private static string DecodeQuotedPrintable(string text)
    {
        text = text.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
        return QpByte().Replace(text, m => Encoding.Latin1.GetString([byte.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)]));
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QpByte();
}
