using System.Text.RegularExpressions;
using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>After passing the module, the learner downloads the certificate, keeps a reflection, and checks the printed address.</summary>
public sealed partial class CertificateJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();

    public Task InitializeAsync() => _app.StartAsync(minTimeScale: 0);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PassedModule_CertificateFromModulePageAndCpdRecord_VerifiesAtPrintedAddress()
    {
        var learner = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = learner.Page;
        var module = Learner.LongCovid;
        await learner.SignUpAsync();
        await learner.CompleteAllLessonsAsync();
        await learner.PressButtonAsync("Start the assessment");
        await learner.AnswerAllAsync(correctly: true);
        await learner.SubmitAsync("You passed");

        await learner.GotoAsync(Content.ContentAddresses.Module(module.Slug).TrimStart('/'));
        var (fileName, fromModulePage) = await learner.DownloadAsync("Download your certificate (PDF)");
        Assert.Matches(CertificateFileName(), fileName);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(fromModulePage, 0, 4), StringComparison.Ordinal);
        // Tagged for screen readers, as downloaded: a structure tree, marked content, English (UK).
        using (var downloaded = UglyToad.PdfPig.PdfDocument.Open(fromModulePage))
        {
            var catalog = downloaded.Structure.Catalog.CatalogDictionary;
            Assert.True(catalog.Data.ContainsKey("StructTreeRoot"), "The certificate has no structure tree.");
            Assert.Equal("en-GB", ((UglyToad.PdfPig.Tokens.StringToken)catalog.Data["Lang"]).Data);
            Assert.NotEmpty(downloaded.GetPage(1).GetMarkedContents());
        }


        await learner.GotoAsync("cpd");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your CPD record", Level = 1 }).WaitForAsync();
        await learner.ExpectNoSeriousAxeViolationsAsync("CPD record");
        var (_, fromCpdRecord) = await learner.DownloadAsync("Download certificate");
        Assert.Equal(fromModulePage, fromCpdRecord);

        // Saved as typed: no button, and it is there after a reload.
        await learner.TypeIntoAsync(page.GetByLabel("What I learned"), "Pacing, and that Siân's “boom and bust” is common.");
        await page.GetByRole(AriaRole.Status).GetByText("Saved", new() { Exact = true }).WaitForAsync();
        await page.ReloadAsync();
        await learner.WaitInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("What I learned")).ToHaveValueAsync("Pacing, and that Siân's “boom and bust” is common.");

        // Over the limit: an NHS.UK error message on the field, announced, and nothing saved.
        await page.GetByLabel("How it will change my practice").FillAsync(new string('x', 4001));
        await page.GetByText("How it will change your practice must be 4,000 characters or fewer").First.WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Not saved");
        await learner.ExpectNoSeriousAxeViolationsAsync("CPD record, reflection too long");

        var address = CertificateSteps.PrintedVerificationAddress(fromModulePage);
        Assert.Equal(_app.BaseAddress.Authority, address.Authority);
        var response = await page.GotoAsync(address.ToString());
        Assert.Equal(200, response!.Status);
        await page.GetByRole(AriaRole.Heading, new() { Name = "This certificate is valid", Level = 1 }).WaitForAsync();
        Assert.Contains("Sam Example", await page.ContentAsync(), StringComparison.Ordinal);
        await learner.ExpectNoSeriousAxeViolationsAsync("verification page, valid");

        var unknown = await page.GotoAsync("verify/0000000000000000000000000000");
        Assert.Equal(404, unknown!.Status);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Certificate not found", Level = 1 }).WaitForAsync();
        await learner.ExpectNoSeriousAxeViolationsAsync("verification page, not found");
    }

    [GeneratedRegex(@"^cpd-certificate-long-covid-\d{4}-\d{2}-\d{2}\.pdf$")]
    private static partial Regex CertificateFileName();
}
