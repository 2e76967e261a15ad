using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// Base of every service's database context: it owns the outbox and inbox tables, so that an event is
/// stored in the same transaction as the state change that caused it, and a consumed message is
/// recorded in the same transaction as the work it caused.
/// </summary>
public abstract class ServiceDbContext : DbContext
{
    protected ServiceDbContext(DbContextOptions options) : base(options)
    {
        // EF Core would wrap each SaveChanges inside an explicit transaction in a savepoint: two more round
        // trips per change. Nothing here recovers from a failed save within a transaction; the whole
        // transaction rolls back, so the savepoints bought nothing.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Who read or changed which personal record (append-only).</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    private readonly List<Action> _afterCommit = [];

    /// <summary>
    /// Runs <paramref name="action"/> once this context's pending change is committed, and never if it rolls back:
    /// a signal to a worker (the outbox dispatcher, a clock watcher) that reads the change on its own connection
    /// would otherwise wake before the change is visible and sleep through it.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (!_afterCommit.Contains(action))
        {
            _afterCommit.Add(action);
        }
    }

    internal void RunAfterCommit()
    {
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            action();
        }
    }

    internal void ForgetAfterCommit() => _afterCommit.Clear();

    /// <summary>
    /// Set while an audited change runs in the request's transaction (<see cref="Access.AuditedChange"/>): the
    /// endpoint's own transaction joins it, and the request commits the change together with its audit entry.
    /// </summary>
    internal bool InRequestTransaction { get; set; }

    /// <summary>Begins the change's transaction, or joins the audited request's (see <see cref="ChangeTransaction"/>).</summary>
    public Task<ChangeTransaction> BeginChangeAsync(CancellationToken cancellationToken) => ChangeTransaction.BeginAsync(this, cancellationToken);

    /// <summary>
    /// Queues an integration event. It is written with the next <c>SaveChanges</c> and published to
    /// RabbitMQ only once that transaction commits; a crash before then loses the change and the event
    /// together, never one without the other.
    /// </summary>
    public void Publish<TEvent>(TEvent integrationEvent) where TEvent : class, IIntegrationEvent =>
        OutboxMessages.Add(OutboxMessage.For(integrationEvent));

    /// <summary>
    /// Clients send local times ("+01:00"); PostgreSQL's timestamptz takes only UTC instants through
    /// Npgsql. Every instant of every service is stored as the same moment in UTC.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
    }
}

internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
