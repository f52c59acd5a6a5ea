using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace IaptLearning.EndToEnd.Tests.Pages;

public static partial class CertificateSteps
{
    /// <summary>Follows a download link by keyboard and returns the file's name and bytes.</summary>
    public static async Task<(string FileName, byte[] Bytes)> DownloadAsync(this Learner learner, string linkName)
    {
        var link = learner.Page.GetByRole(AriaRole.Link, new() { Name = linkName }).First;
        await learner.TabToAsync(link);
        var download = await learner.Page.RunAndWaitForDownloadAsync(() => learner.Page.Keyboard.PressAsync("Enter"));
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }

    /// <summary>The verification address as printed on the certificate, read back from the PDF's text.</summary>
    public static Uri PrintedVerificationAddress(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(' ', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        var match = VerificationAddress().Match(text);
        Assert.True(match.Success, "No verification address in the certificate's text: " + text);
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https?://[^\s/]+/verify/[0-9A-Z]{28}")]
    private static partial Regex VerificationAddress();
}
