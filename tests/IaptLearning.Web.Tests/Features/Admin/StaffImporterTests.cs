using System.Text;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Admin;
using IaptLearning.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Admin;

[Collection(WebAppTests.Name)]
public class StaffImporterTests(WebAppFixture app)
{
    private StaffImporter Importer => app.Get<StaffImporter>();

    private async Task<StaffImportPreview> PreviewAsync(int organisationId, string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await Importer.PreviewAsync(stream, organisationId);
    }

    private static (string Csv, string[] Emails) File(int people)
    {
        var emails = Enumerable.Range(1, people).Select(i => $"import-{i}-{Guid.NewGuid():N}@example.nhs.uk").ToArray();
        var csv = new StringBuilder("Email,Name,Job role,Team,Employee number\r\n");
        for (var i = 0; i < people; i++)
        {
            csv.Append(emails[i]).Append(",\"Person ").Append(i + 1).Append(", Imported\",Counsellor,")
                .Append(i % 2 == 0 ? "North Talking Therapies / Step 2" : "Step 3").Append(",E").Append(i).Append("\r\n");
        }

        return (csv.ToString(), emails);
    }

    [Fact]
    public async Task Import_ValidFile_AddsEveryoneWithTeamRoleHistoryAndOneAuditEntry()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (csv, emails) = File(5);
        var preview = await PreviewAsync(s.Id, csv);
        Assert.True(preview.CanImport, string.Join(" ", preview.FileErrors.Concat(preview.Rows.SelectMany(r => r.Errors))));

        var result = await Importer.ImportAsync(preview.Rows, WebAppFixture.AdminActor(), "https://learning.example.nhs.uk/");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(5, result.Imported);
        Assert.Equal(5, result.Invited);
        await app.ExecuteDbAsync(async db =>
        {
            var people = await db.Users.Where(u => emails.Contains(u.Email)).ToListAsync();
            Assert.Equal(5, people.Count);
            Assert.All(people, p => Assert.Null(p.PasswordHash));
            var first = people.Single(p => p.Email == emails[0]);
            Assert.Equal("Person 1, Imported", first.FullName);
            Assert.Equal("E0", first.EmployeeNumber);
            Assert.Equal(s.TeamA1, first.TeamId);
            Assert.Equal(s.TeamA2, people.Single(p => p.Email == emails[1]).TeamId);
            var ids = people.Select(p => p.Id).ToList();
            Assert.Equal(5, await db.TeamMemberships.CountAsync(m => ids.Contains(m.UserId) && m.ToUtc == null));
            var learner = await db.Roles.SingleAsync(r => r.Name == Roles.Learner);
            Assert.Equal(5, await db.UserRoles.CountAsync(r => ids.Contains(r.UserId) && r.RoleId == learner.Id));
            var audit = (await app.AuditAsync(AuditActions.StaffImported)).Last();
            Assert.Equal("Imported 5 people from a CSV file", audit.Summary);
            Assert.Contains("\"North Talking Therapies / Step 2\":3", audit.DetailsJson, StringComparison.Ordinal);
            Assert.Contains("\"North Talking Therapies / Step 3\":2", audit.DetailsJson, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Import_DatabaseRefusesARowMidway_NobodyIsAdded()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (csv, emails) = File(6);
        var preview = await PreviewAsync(s.Id, csv);
        Assert.True(preview.CanImport);
        var auditsBefore = (await app.AuditAsync(AuditActions.StaffImported)).Count;

        // Someone creates the fourth person's account between the preview and the import.
        await app.CreatePersonAsync(email: emails[3]);
        var result = await Importer.ImportAsync(preview.Rows, WebAppFixture.AdminActor(), "https://learning.example.nhs.uk/");

        Assert.False(result.Succeeded);
        Assert.StartsWith("Nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, result.Imported);
        await app.ExecuteDbAsync(async db =>
        {
            Assert.Equal(1, await db.Users.CountAsync(u => emails.Contains(u.Email)));
            Assert.Equal(0, await db.TeamMemberships.CountAsync(m => m.TeamId == s.TeamA1 || m.TeamId == s.TeamA2));
            Assert.Equal(auditsBefore, (await app.AuditAsync(AuditActions.StaffImported)).Count);
        });
    }

    [Fact]
    public async Task Preview_EmailWithAnAccountInAnyCase_ReportedOnItsRow()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var (_, existing) = await app.CreatePersonAsync();

        var preview = await PreviewAsync(s.Id, $"name,email,job role,team\nSomeone,{existing.ToUpperInvariant()},Counsellor,Step 3\n");

        Assert.Contains("already has an account", Assert.Single(Assert.Single(preview.Rows).Errors), StringComparison.Ordinal);
        Assert.False(preview.CanImport);
    }

    [Fact]
    public async Task Preview_TeamsOfAnotherOrganisation_AreUnknown()
    {
        var mine = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var other = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        await app.Get<OrganisationAdmin>().AddTeamAsync(other.ServiceB, "Only elsewhere", WebAppFixture.AdminActor());

        var preview = await PreviewAsync(mine.Id, "name,email,job role,team\nSomeone,someone@example.nhs.uk,Counsellor,Only elsewhere\n");

        Assert.Contains("no team called \"Only elsewhere\"", Assert.Single(Assert.Single(preview.Rows).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RowsWithErrors_Refused()
    {
        var s = await app.CreateOrganisationAsync(services: WebAppFixture.TalkingTherapies);
        var preview = await PreviewAsync(s.Id, "name,email,job role,team\n,bad,Counsellor,Step 3\n");

        var result = await Importer.ImportAsync(preview.Rows, WebAppFixture.AdminActor(), "https://learning.example.nhs.uk/");

        Assert.False(result.Succeeded);
    }
}
