using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Contracts;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>An integration event waiting in the service's database to be published.</summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OutboxMessage() { }

    /// <summary>Also the MassTransit MessageId, so consumers can recognise a redelivery.</summary>
    public Guid Id { get; private set; }

    /// <summary>Publication order.</summary>
    public long Sequence { get; private set; }

    /// <summary>Contract type as "Full.Type.Name, Assembly".</summary>
    public string MessageType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>W3C trace context of the request that caused the event, so its publication joins that trace.</summary>
    public string? TraceParent { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Type of the last publish failure (never its message, which could quote the payload).</summary>
    public string? LastError { get; private set; }

    internal static OutboxMessage For<TEvent>(TEvent integrationEvent) where TEvent : class, IIntegrationEvent => new()
    {
        Id = Guid.CreateVersion7(),
        MessageType = ContractTypeName(typeof(TEvent)),
        Payload = JsonSerializer.Serialize(integrationEvent, Json),
        OccurredAt = integrationEvent.OccurredAt,
        TraceParent = Activity.Current?.Id,
    };

    internal static string ContractTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    internal void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        NextAttemptAt = null;
        LastError = null;
    }

    internal void MarkFailed(Exception error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.GetType().FullName;
        // 2, 4, 8 ... seconds, at most five minutes apart: a long broker outage costs a few retries, not a storm.
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(Attempts, 9))));
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
        b.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(500);
        b.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
        b.Property(m => m.OccurredAt).HasColumnName("occurred_at");
        b.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
        b.Property(m => m.SentAt).HasColumnName("sent_at");
        b.Property(m => m.Attempts).HasColumnName("attempts");
        b.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
        b.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(500);
        // The dispatcher reads only unsent rows in order: keep that index small.
        b.HasIndex(m => m.Sequence).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        // Retention deletes the sent rows past their window, oldest first: it reads only those, not the week kept.
        b.HasIndex(m => m.SentAt).HasFilter("sent_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_sent");
    }
}
