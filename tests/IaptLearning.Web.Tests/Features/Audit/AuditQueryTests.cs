using System.Security.Claims;
using IaptLearning.Web.Components.Shared;
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
    [InlineData("action=nonsense", "action", "Choose an action from the list")]
    [InlineData("from=2026-02-30", "from-day", "From date must be a real date, for example 27 3 2026")]
    [InlineData("from-day=30&from-month=2&from-year=2026", "from-day", "From date must be a real date")]
    [InlineData("from-day=5&from-year=2026", "from-month", "From date must include a month")]
    [InlineData("from=2026-03-05&to-day=1&to-month=3&to-year=2026", "to-day", "To date must be the same as or after the from date")]
    public void Parse_BadValues_ReportedAgainstTheirFieldAndIgnored(string query, string field, string message)
    {
        var values = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => (string?)p[1]);
        values["page"] = "-3";

        var filter = AuditFilter.Parse(values, out var errors);

        Assert.Equal(new FieldError(field, message), Assert.Single(errors));
        Assert.Null(filter.Action);
        Assert.Null(filter.To);
        Assert.Equal(1, filter.Page);
    }

    [Fact]
    public void Parse_DateInputBoxes_AreTheUkDatesTyped()
    {
        var filter = AuditFilter.Parse(new Dictionary<string, string?>
        {
            ["from-day"] = "1", ["from-month"] = "7", ["from-year"] = "2026", ["to"] = "2026-07-31", ["page"] = "2",
        }, out var errors);

        Assert.Empty(errors);
        Assert.Equal(new AuditFilter(null, null, null, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31), 2), filter);
    }
}
