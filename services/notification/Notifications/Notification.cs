using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Notifications;

public enum NotificationStatus
{
    /// <summary>Waiting to be sent, or to be retried.</summary>
    Pending,

    /// <summary>Accepted by the SMTP server.</summary>
    Sent,

    /// <summary>Every attempt failed; an operator can retry it.</summary>
    Failed,

    /// <summary>Nobody to send it to: the institution has no registered mailbox.</summary>
    NoRecipient,
}

/// <summary>
/// One e-mail to one recipient, caused by one integration event. Its id is derived from the cause, so a
/// redelivered event can never create (or send) it twice.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Guid Id { get; private set; }

    /// <summary>MessageId of the integration event that caused it.</summary>
    public Guid CauseMessageId { get; private set; }

    public string CauseType { get; private set; } = "";

    public string CaseReference { get; private set; } = "";

    public string Template { get; private set; } = "";

    /// <summary>Delivered before the non-urgent ones that wait (see <see cref="IEmailTemplate.Urgent"/>).</summary>
    public bool Urgent { get; private set; }

    /// <summary>The template's model as JSON: references, codes and times only.</summary>
    public string Model { get; private set; } = "";

    public Language Language { get; private set; }

    /// <summary>An institution's or team member's work address; never a victim's.</summary>
    public string? Recipient { get; private set; }

    public NotificationStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Type of the last delivery failure, e.g. "SmtpCommandException: MailboxBusy".</summary>
    public string? LastError { get; private set; }

    /// <summary>W3C trace context of the event's handling, so that the delivery joins the causing request's trace.</summary>
    public string? TraceParent { get; private set; }

    public static Notification Create(
        Guid causeMessageId, string causeType, string caseReference, IEmailTemplate template, string model,
        string? recipient, Language language, DateTimeOffset now) => new()
    {
        Id = DeriveId(causeMessageId, template.Key, recipient),
        CauseMessageId = causeMessageId,
        CauseType = causeType,
        CaseReference = caseReference,
        Template = template.Key,
        Urgent = template.Urgent,
        Model = model,
        Recipient = recipient,
        Language = language,
        Status = recipient is null ? NotificationStatus.NoRecipient : NotificationStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = recipient is null ? null : now,
        TraceParent = System.Diagnostics.Activity.Current?.Id,
    };

    /// <summary>A name-based (version 5 style) id: the same cause, template and recipient give the same id.</summary>
    public static Guid DeriveId(Guid causeMessageId, string template, string? recipient)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{causeMessageId:N}|{template}|{recipient?.ToLowerInvariant()}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 (little-endian Guid layout)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        Status = NotificationStatus.Sent;
        SentAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>An operator sends a failed notification again, with a fresh set of attempts.</summary>
    public void RetryByOperator(DateTimeOffset now)
    {
        Status = NotificationStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }

    public void MarkAttemptFailed(string error, DateTimeOffset now, DeliveryPolicy policy)
    {
        Attempts++;
        LastError = error;
        if (Attempts >= policy.MaxAttempts)
        {
            Status = NotificationStatus.Failed;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = now + policy.BackoffAfter(Attempts);
        }
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(n => n.CauseMessageId).HasColumnName("cause_message_id");
        b.Property(n => n.CauseType).HasColumnName("cause_type").HasMaxLength(200);
        b.Property(n => n.CaseReference).HasColumnName("case_reference").HasMaxLength(40);
        b.HasIndex(n => n.CaseReference);
        b.Property(n => n.Template).HasColumnName("template").HasMaxLength(100);
        b.Property(n => n.Model).HasColumnName("model").HasColumnType("jsonb");
        b.Property(n => n.Language).HasColumnName("language").HasConversion<string>().HasMaxLength(2);
        b.Property(n => n.Recipient).HasColumnName("recipient").HasMaxLength(254);
        b.HasIndex(n => n.Recipient);
        b.Property(n => n.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Attempts).HasColumnName("attempts");
        b.Property(n => n.CreatedAt).HasColumnName("created_at");
        b.Property(n => n.NextAttemptAt).HasColumnName("next_attempt_at");
        b.Property(n => n.Urgent).HasColumnName("urgent");
        // The delivery worker's query: urgent first, then the longest waiting.
        b.HasIndex(n => new { n.Urgent, n.NextAttemptAt }).IsDescending(true, false).HasFilter("status = 'Pending'").HasDatabaseName("ix_notifications_due");
        b.Property(n => n.SentAt).HasColumnName("sent_at");
        b.Property(n => n.LastError).HasColumnName("last_error").HasMaxLength(300);
        b.Property(n => n.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
    }
}
