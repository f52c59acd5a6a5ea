using System.Net;
using System.Text;
using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

[Collection(WebAppTests.Name)]
public class DownloadTests(WebAppFixture app)
{
    [Fact]
    public async Task Certificate_Owner_GetsTheSameBytesEveryTimeWithTheFileName()
    {
        var (user, email) = await app.CreatePersonAsync();
        var certificate = await CertificateSteps.IssueAsync(app, user);
        using var client = await app.SignInAsync(email);

        var first = await client.GetAsync(new Uri(CertificateEndpoints.CertificateAddress(certificate.Number), UriKind.Relative));
        var second = await client.GetByteArrayAsync(new Uri(CertificateEndpoints.CertificateAddress(certificate.Number), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cpd-certificate-sample-module-2026-03-05.pdf", first.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(certificate.Pdf, bytes);
        Assert.Equal(bytes, second);
    }

    [Fact]
    public async Task Certificate_AnotherLearner_Gets404()
    {
        var certificate = await CertificateSteps.IssueAsync(app);
        var (_, otherEmail) = await app.CreatePersonAsync();
        using var other = await app.SignInAsync(otherEmail);

        var byNumber = await other.GetAsync(new Uri(CertificateEndpoints.CertificateAddress(certificate.Number), UriKind.Relative));
        var byId = await other.GetAsync(new Uri($"/certificates/{certificate.Id}.pdf", UriKind.Relative));
        var byCode = await other.GetAsync(new Uri($"/certificates/{certificate.VerificationCode}.pdf", UriKind.Relative));
        var unknown = await other.GetAsync(new Uri("/certificates/IAPT-999999.pdf", UriKind.Relative));

        Assert.All([byNumber, byId, byCode, unknown], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task Certificate_SignedOut_RedirectsToSignIn()
    {
        var certificate = await CertificateSteps.IssueAsync(app);
        var response = await app.CreateBrowserClient().GetAsync(new Uri(CertificateEndpoints.CertificateAddress(certificate.Number), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Records_HoldOnlyTheSignedInLearnersOwnEntries()
    {
        var (user, email) = await app.CreatePersonAsync("Siân O'Brien-Nguyễn");
        var mine = await CertificateSteps.IssueAsync(app, user);
        var theirs = await CertificateSteps.IssueAsync(app);
        using var client = await app.SignInAsync(email);

        var csv = await client.GetAsync(new Uri(CertificateEndpoints.CsvAddress, UriKind.Relative));
        var pdf = await client.GetAsync(new Uri(CertificateEndpoints.PdfAddress, UriKind.Relative));
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains(mine.Number, text);
        Assert.DoesNotContain(theirs.Number, text);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.True(csv.Headers.CacheControl is { Private: true, NoStore: true });
    }

    [Fact]
    public async Task Records_SignedOut_RedirectToSignIn()
    {
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri(CertificateEndpoints.CsvAddress, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri(CertificateEndpoints.PdfAddress, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SaveReflection_AnotherLearnersCompletion_IsRefused()
    {
        var (owner, _) = await app.CreatePersonAsync();
        var completion = await CertificateSteps.AddCompletionAsync(app, owner);
        var (other, _) = await app.CreatePersonAsync();
        var reader = app.Get<CpdRecordReader>();

        Assert.False(await reader.SaveReflectionAsync(other, completion, "Mine now", "No"));
        Assert.True(await reader.SaveReflectionAsync(owner, completion, "Learned", "Changed"));
        Assert.True(await reader.SaveReflectionAsync(owner, completion, "Learned more", "Changed"));
        var (_, entries) = await reader.ReadAsync(owner);
        Assert.Equal("Learned more", entries.Single().WhatILearned);
        Assert.Empty((await reader.ReadAsync(other)).Entries);
    }
}
