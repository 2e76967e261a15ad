using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// Runs what a context queued with <see cref="ServiceDbContext.AfterCommit"/> once its change is visible to other
/// connections: after SaveChanges outside a transaction, or when the transaction that holds the change commits —
/// which for an audited change is the request's, after the endpoint has returned. A rollback forgets them.
/// </summary>
internal sealed class AfterCommitInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RunIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RunIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfUncommitted(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfUncommitted(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => (eventData.Context as ServiceDbContext)?.RunAfterCommit();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as ServiceDbContext)?.RunAfterCommit();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => (eventData.Context as ServiceDbContext)?.ForgetAfterCommit();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as ServiceDbContext)?.ForgetAfterCommit();
        return Task.CompletedTask;
    }

    private static void RunIfCommitted(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is ServiceDbContext db && db.Database.CurrentTransaction is null)
        {
            db.RunAfterCommit();
        }
    }

    private static void ForgetIfUncommitted(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is ServiceDbContext db && db.Database.CurrentTransaction is null)
        {
            db.ForgetAfterCommit();
        }
    }
}
