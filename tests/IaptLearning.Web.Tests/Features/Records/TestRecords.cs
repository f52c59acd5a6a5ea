using IaptLearning.Web.Data;

namespace IaptLearning.Web.Tests.Features.Records;

/// <summary>Module records built in memory, for the status and flag rules, at a fixed instant.</summary>
internal static class TestRecords
{
    public static readonly DateTime Now = new(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc);

    public static ModuleRecord Record(DateTime? due = null, DateTime? started = null, DateTime? completed = null, DateTime? expires = null) =>
        new() { UserId = "u", ModuleSlug = "m", IsAssigned = due is not null, DueAtUtc = due, StartedAtUtc = started, CompletedAtUtc = completed, ExpiresAtUtc = expires };
}
