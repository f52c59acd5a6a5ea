using System.Security.Claims;
using IaptLearning.Web.Features.Audit;
using IaptLearning.Web.Features.Certificates;
using IaptLearning.Web.Tests.Features.Certificates;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Audit;

[Collection(WebAppTests.Name)]
public class AuditQueryTests(WebAppFixture app)
{
    private static ClaimsPrincipal Actor(string id, string email) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email)], "Test"));

    [Fact]
    public async Task RevokeAsync_Revoked_WritesWhoWhatAndWhenWithTheReason()
    {
        var certificate = await CertificateSteps.IssueAsync(app);
        var adminId = (await app.CreatePersonAsync()).Id;
        var email = $"revoker-{Guid.NewGuid():N}@example.nhs.uk";

        await app.Get<CertificateVerifier>().RevokeAsync(certificate.Number, "Issued to the wrong person", Actor(adminId, email));

        await app.ExecuteDbAsync(async db =>
        {
            var entry = await db.AuditEvents.SingleAsync(e => e.ActorUserId == adminId);
            Assert.Equal(AuditActions.CertificateRevoked, entry.Action);
            Assert.Equal(email, entry.ActorName);
            Assert.Equal(certificate.UserId, entry.SubjectUserId);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
            Assert.Contains(certificate.Number, entry.Summary, StringComparison.Ordinal);
            Assert.Contains("Issued to the wrong person", entry.DetailsJson, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ReadAsync_Filters_ByActionActorSubjectAndUkDates()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var subjectId = (await app.CreatePersonAsync(email: $"subject-{marker}@example.nhs.uk")).Id;
        await app.ExecuteDbAsync(async db =>
        {
            var actor = Actor("actor-id", $"boss-{marker}@example.nhs.uk");
            // 23:30 UTC on 30 June is 00:30 on 1 July in UK summer time.
            AuditLog.Add(db, actor, AuditActions.Exported, "Exported", null, new { team = 1 }, new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc));
            AuditLog.Add(db, actor, AuditActions.AttemptsReset, "Reset", subjectId, null, new DateTime(2026, 6, 30, 22, 30, 0, DateTimeKind.Utc));
            AuditLog.Add(db, Actor("other", $"other-{marker}@example.nhs.uk"), AuditActions.Exported, "Other", null, null, new DateTime(2026, 7, 2, 9, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        });

        await app.ExecuteDbAsync(async read =>
        {
            var byActor = await AuditQuery.ReadAsync(read, new AuditFilter(null, "BOSS-" + marker, null, null, null, 1));
            var byAction = await AuditQuery.ReadAsync(read, new AuditFilter(AuditActions.Exported, marker, null, null, null, 1));
            var bySubject = await AuditQuery.ReadAsync(read, new AuditFilter(null, null, $"subject-{marker}", null, null, 1));
            var firstOfJuly = await AuditQuery.ReadAsync(read, new AuditFilter(null, marker, null, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1), 1));

            Assert.Equal(2, byActor.Total);
            Assert.Equal(["Other", "Exported"], byAction.Rows.Select(r => r.Event.Summary));
            Assert.Equal("Reset", Assert.Single(bySubject.Rows).Event.Summary);
            Assert.Equal("Exported", Assert.Single(firstOfJuly.Rows).Event.Summary);
        });
    }

    [Theory]
    [InlineData("nonsense", null, null, "Choose an action from the list")]
    [InlineData(null, "2026-02-30", null, "The 'from' date must be a real date, like 2026-03-05")]
    [InlineData(null, "2026-03-05", "2026-03-01", "The 'from' date must be on or before the 'to' date")]
    public void Parse_BadValues_ReportedAndIgnored(string? action, string? from, string? to, string message)
    {
        var filter = AuditFilter.Parse(action, null, null, from, to, page: -3, out var errors);

        Assert.Equal(message, Assert.Single(errors));
        Assert.Null(filter.Action);
        Assert.Null(filter.From);
        Assert.Equal(1, filter.Page);
    }
}
