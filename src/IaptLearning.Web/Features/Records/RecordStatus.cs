using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using IaptLearning.Web.Data;

namespace IaptLearning.Web.Features.Records;

/// <summary>
/// A person's standing on a module, in four buckets that do not overlap, so counts add up to the
/// total: completed (and not expired), overdue (past its due date, or its completion expired),
/// in progress, not started.
/// </summary>
public enum RecordStatus
{
    [Display(Name = "Not started")]
    NotStarted,

    [Display(Name = "In progress")]
    InProgress,

    [Display(Name = "Completed")]
    Completed,

    [Display(Name = "Overdue")]
    Overdue,
}

/// <summary>The one definition of each status, as a query filter (SQL) and for a loaded row (C#).</summary>
public static class RecordStatuses
{
    /// <summary>How far ahead a valid completion counts as "expiring soon".</summary>
    public static readonly TimeSpan ExpiringWindow = TimeSpan.FromDays(30);

    public static string Name(RecordStatus status) => status switch
    {
        RecordStatus.NotStarted => "Not started",
        RecordStatus.InProgress => "In progress",
        RecordStatus.Completed => "Completed",
        RecordStatus.Overdue => "Overdue",
        _ => status.ToString(),
    };

    public static Expression<Func<ModuleRecord, bool>> Is(RecordStatus status, DateTime nowUtc) => status switch
    {
        RecordStatus.Completed => r => r.CompletedAtUtc != null && (r.ExpiresAtUtc == null || r.ExpiresAtUtc > nowUtc),
        RecordStatus.Overdue => r => !(r.CompletedAtUtc != null && (r.ExpiresAtUtc == null || r.ExpiresAtUtc > nowUtc))
            && ((r.DueAtUtc != null && r.DueAtUtc <= nowUtc) || (r.ExpiresAtUtc != null && r.ExpiresAtUtc <= nowUtc)),
        RecordStatus.InProgress => r => r.CompletedAtUtc == null && r.StartedAtUtc != null && (r.DueAtUtc == null || r.DueAtUtc > nowUtc),
        RecordStatus.NotStarted => r => r.CompletedAtUtc == null && r.StartedAtUtc == null && (r.DueAtUtc == null || r.DueAtUtc > nowUtc),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static RecordStatus Of(ModuleRecord record, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.CompletedAtUtc is not null && (record.ExpiresAtUtc is null || record.ExpiresAtUtc > nowUtc))
        {
            return RecordStatus.Completed;
        }

        if ((record.DueAtUtc is { } due && due <= nowUtc) || (record.ExpiresAtUtc is { } expires && expires <= nowUtc))
        {
            return RecordStatus.Overdue;
        }

        return record.StartedAtUtc is null ? RecordStatus.NotStarted : RecordStatus.InProgress;
    }

    /// <summary>A valid completion that expires within <see cref="ExpiringWindow"/>.</summary>
    public static bool IsExpiringSoon(ModuleRecord record, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.ExpiresAtUtc is { } expires && expires > nowUtc && expires <= nowUtc + ExpiringWindow;
    }

    /// <summary>Not complete, due within <see cref="ExpiringWindow"/>.</summary>
    public static bool IsDueSoon(ModuleRecord record, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Of(record, nowUtc) is RecordStatus.NotStarted or RecordStatus.InProgress
            && record.DueAtUtc is { } due && due <= nowUtc + ExpiringWindow;
    }
}
