using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// The transaction an endpoint holds its change in (row locks, the outbox). Inside an audited request it joins
/// the request's transaction, whose commit also holds the audit entry (issue 24 §8), so committing and disposing
/// it are left to the request; elsewhere it is the endpoint's own.
/// </summary>
public sealed class ChangeTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _own;

    private ChangeTransaction(IDbContextTransaction? own) => _own = own;

    public static async Task<ChangeTransaction> BeginAsync(ServiceDbContext db, CancellationToken cancellationToken) =>
        new(db.InRequestTransaction ? null : await db.Database.BeginTransactionAsync(cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken) => _own?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
