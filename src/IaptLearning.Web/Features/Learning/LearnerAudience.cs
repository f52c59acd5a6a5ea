using System.Collections.Immutable;
using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Features.Learning;

/// <summary>
/// Whose content a learner gets: the audience id of their job role (docs/authoring.md, "Audiences";
/// null for Other or no role: everything is theirs) and whether they chose to see every section open.
/// </summary>
public sealed record LearnerAudience(string? Audience, bool ShowEverything)
{
    public static readonly LearnerAudience Everyone = new(null, false);

    /// <summary>The one place a job role gets its audience id.</summary>
    public static string? For(JobRole? role) => role switch
    {
        JobRole.PsychologicalWellbeingPractitioner or JobRole.TraineePsychologicalWellbeingPractitioner => Audiences.Step2,
        JobRole.HighIntensityTherapist or JobRole.TraineeHighIntensityTherapist or JobRole.Counsellor or JobRole.EmdrTherapist => Audiences.Step3,
        JobRole.Supervisor => Audiences.Supervisor,
        JobRole.ServiceManager => Audiences.Manager,
        JobRole.AdministrativeStaff => Audiences.Admin,
        _ => null,
    };

    /// <summary>True when a section for <paramref name="audiences"/> is shown open: it is theirs, or they chose to see everything.</summary>
    public bool ShowsOpen(ImmutableArray<string> audiences) => ShowEverything || Audiences.Includes(audiences, Audience);

    /// <summary>True when the learner must answer the question before the lesson counts as done (showing everything changes nothing).</summary>
    public bool MustAnswer(Question question) => question is not null && Audiences.Includes(question.Audiences, Audience);

    /// <summary>True when the learner must complete the lesson for the module to count as done.</summary>
    public bool MustComplete(Lesson lesson) => lesson is not null && lesson.IsRequiredFor(Audience);

    public static async Task<LearnerAudience> ReadAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.JobRole, u.ShowAllAudiences })
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? Everyone : new LearnerAudience(For(user.JobRole), user.ShowAllAudiences);
    }
}

/// <summary>Reads a learner's audience and saves their "show everything" choice. One context per call.</summary>
public sealed class LearnerAudienceStore(IDbContextFactory<AppDbContext> factory)
{
    public async Task<LearnerAudience> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await LearnerAudience.ReadAsync(db, userId, cancellationToken);
    }

    public async Task SetShowEverythingAsync(string userId, bool showEverything, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ShowAllAudiences, showEverything), cancellationToken);
    }
}
