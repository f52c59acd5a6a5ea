using System.Data.Common;
using System.Runtime.CompilerServices;
using IaptLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IaptLearning.Web.Features.Records;

/// <summary>
/// Keeps <see cref="ModuleRecord"/> rows current without any writer asking: while a context saves,
/// it notes whose rows the change feeds; once the change is committed (at the end of the save, or
/// of the caller's transaction) it rebuilds those people's rows once, in a context of its own.
/// </summary>
/// <remarks>
/// The rule for writers: change what the records read through SaveChanges. ExecuteUpdate and
/// ExecuteDelete do not pass through here, so on those tables (lesson progress, attempts,
/// completions, certificates, assignments, people's team, team history and job role, teams) they go beside
/// <see cref="TouchAsync"/> for the people they change. One exception, by design: the heartbeat adds
/// active time every few seconds, which no dashboard column shows, so it is folded in at the
/// learner's next saved event rather than rebuilding their rows on every beat.
/// </remarks>
public sealed class ModuleRecordsInterceptor(IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private const int MaxAttempts = 3;

    private static readonly ConditionalWeakTable<DbContext, Changes> Pending = [];

    /// <summary>
    /// Marks a person's rows for rebuilding after a write SaveChanges did not see (an ExecuteUpdate).
    /// In a transaction they are rebuilt when it commits; otherwise at once.
    /// </summary>
    public static async Task TouchAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        Pending.GetOrCreateValue(db).People.Add(userId);
        if (db.Database.CurrentTransaction is null)
        {
            var interceptor = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
                .OfType<ModuleRecordsInterceptor>().SingleOrDefault()
                ?? throw new InvalidOperationException("The context was built without the module records interceptor.");
            await interceptor.FlushAsync(db, cancellationToken);
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // Nothing here saves synchronously today; blocking keeps a synchronous caller correct all the same.
        AfterCommitAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await AfterCommitAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context, unlessInTransaction: true);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context, unlessInTransaction: true);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            FlushAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.Context is { } context ? FlushAsync(context, cancellationToken) : Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context, unlessInTransaction: false);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context, unlessInTransaction: false);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The people whose rows this save changes. <see cref="ModuleRecord"/> itself is not among the
    /// inputs, so the rebuild's own save collects nothing and never recurses.
    /// </summary>
    private static void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Changes? changes = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case LessonProgress or AssessmentAttempt or ModuleCompletion or Certificate or MinTimeExemption or TeamMembership:
                    Mark(context, ref changes).People.Add((string)entry.Property("UserId").CurrentValue!);
                    break;
                case Assignment a:
                    Mark(context, ref changes).Assignments.Add(a);
                    break;
                case ApplicationUser u when entry.State == EntityState.Added
                    || entry.Property(nameof(ApplicationUser.TeamId)).IsModified
                    || entry.Property(nameof(ApplicationUser.JobRole)).IsModified:
                    Mark(context, ref changes).People.Add(u.Id);
                    break;
                case Team t when entry.State == EntityState.Modified && entry.Property(nameof(Team.ServiceId)).IsModified:
                    Mark(context, ref changes).Teams.Add(t.Id);
                    break;
                default:
                    break;
            }
        }
    }

    private static Changes Mark(DbContext context, ref Changes? changes) => changes ??= Pending.GetOrCreateValue(context);

    private Task AfterCommitAsync(DbContext? context, CancellationToken cancellationToken) =>
        context is null || context.Database.CurrentTransaction is not null ? Task.CompletedTask : FlushAsync(context, cancellationToken);

    private static void Forget(DbContext? context, bool unlessInTransaction)
    {
        if (context is not null && !(unlessInTransaction && context.Database.CurrentTransaction is not null))
        {
            Pending.Remove(context);
        }
    }

    /// <summary>
    /// Rebuilds the marked rows. The change they summarise is already committed, so a failure here
    /// is logged rather than thrown at the writer; the next change to the person rebuilds them.
    /// </summary>
    private async Task FlushAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!Pending.TryGetValue(context, out var changes) || changes.IsEmpty)
        {
            return;
        }

        Pending.Remove(context);
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                await ModuleRecords.RefreshAsync(db, await changes.PeopleAsync(db, cancellationToken), now, cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts)
            {
                // Two requests raced to insert the same row: rebuild again from what is there now.
                Logger.LogDebug(e, "Module records changed underneath; trying again.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogError(e, "Could not refresh the module records of {People}.", string.Join(", ", changes.People));
                return;
            }
        }
    }

    private ILogger Logger => services.GetRequiredService<ILoggerFactory>().CreateLogger<ModuleRecordsInterceptor>();

    private sealed class Changes
    {
        public HashSet<string> People { get; } = new(StringComparer.Ordinal);
        public List<Assignment> Assignments { get; } = [];
        public HashSet<int> Teams { get; } = [];
        public bool IsEmpty => People.Count == 0 && Assignments.Count == 0 && Teams.Count == 0;

        public async Task<IReadOnlyCollection<string>> PeopleAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            var people = new HashSet<string>(People, StringComparer.Ordinal);
            foreach (var assignment in Assignments)
            {
                people.UnionWith(await ModuleRecords.PeopleTouchedBy(db, assignment).ToListAsync(cancellationToken));
            }

            if (Teams.Count > 0)
            {
                people.UnionWith(await db.Users.Where(u => u.TeamId != null && Teams.Contains(u.TeamId.Value)).Select(u => u.Id).ToListAsync(cancellationToken));
            }

            return people;
        }
    }
}
