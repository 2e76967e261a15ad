using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>A message a consumer has already handled: a redelivery of it is acknowledged and skipped.</summary>
public sealed class InboxMessage
{
    private InboxMessage() { }

    internal InboxMessage(Guid messageId, string consumer, string messageType, DateTimeOffset processedAt)
    {
        MessageId = messageId;
        Consumer = consumer;
        MessageType = messageType;
        ProcessedAt = processedAt;
    }

    public Guid MessageId { get; private set; }

    public string Consumer { get; private set; } = "";

    public string MessageType { get; private set; } = "";

    public DateTimeOffset ProcessedAt { get; private set; }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("inbox_messages");
        b.HasKey(m => new { m.MessageId, m.Consumer });
        b.Property(m => m.MessageId).HasColumnName("message_id");
        b.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(300);
        b.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(500);
        b.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        // Retention deletes the rows past their window: it reads only those, not the 30 days kept.
        b.HasIndex(m => m.ProcessedAt).HasDatabaseName("ix_inbox_messages_processed");
    }
}
