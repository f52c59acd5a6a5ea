using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Records;

namespace IaptLearning.Web.Features.Catalog;

/// <summary>A tag shown to the learner beside an assigned module: always text, never colour alone.</summary>
public sealed record LearnerFlag(string Text, string CssClass);

/// <summary>
/// What a learner is told about a module from their own <see cref="ModuleRecord"/>: overdue, due
/// soon, completed, and renewal when a completion expires within 30 days or has expired. Uses the
/// same definitions as managers' reports (<see cref="RecordStatuses"/>).
/// </summary>
public static class LearnerFlags
{
    public static IReadOnlyList<LearnerFlag> For(ModuleRecord record, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(record);
        var flags = new List<LearnerFlag>(2);
        var status = RecordStatuses.Of(record, nowUtc);
        if (record.CompletedAtUtc is not null && record.ExpiresAtUtc is { } expires && expires <= nowUtc)
        {
            flags.Add(new("Renewal due", "nhsuk-tag--red"));
            flags.Add(new($"Expired on {UkTime.Date(expires)}", "nhsuk-tag--grey"));
            return flags;
        }

        if (status == RecordStatus.Completed)
        {
            flags.Add(new("Completed", "nhsuk-tag--green"));
            if (RecordStatuses.IsExpiringSoon(record, nowUtc))
            {
                flags.Add(new("Renewal due", "nhsuk-tag--orange"));
                flags.Add(new($"Expires on {UkTime.Date(record.ExpiresAtUtc!.Value)}", "nhsuk-tag--yellow"));
            }

            return flags;
        }

        if (status == RecordStatus.Overdue)
        {
            flags.Add(new("Overdue", "nhsuk-tag--red"));
        }
        else if (RecordStatuses.IsDueSoon(record, nowUtc))
        {
            flags.Add(new("Due soon", "nhsuk-tag--orange"));
        }

        return flags;
    }
}
