using MassTransit;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Consumers;

/// <summary>
/// A new case: tell the owning centre's mailbox that the risk assessment is due within 12 hours
/// (Rulebook Art. 5). The e-mail is recorded here and sent by the delivery worker, so an SMTP outage
/// delays it but never loses it.
/// </summary>
public sealed class CaseOpenedConsumer(
    NotificationDbContext db, TimeProvider time, CaseOpenedTemplate template, DeliverySignal delivery, ILogger<CaseOpenedConsumer> logger)
    : IdempotentConsumer<CaseOpened, NotificationDbContext>(db, time)
{
    protected override async Task HandleAsync(CaseOpened message, ConsumeContext<CaseOpened> context, CancellationToken cancellationToken)
    {
        var centre = await Db.Institutions.FindAsync([message.CentreCode], cancellationToken);
        if (centre is null)
        {
            logger.LogWarning("No mailbox registered for centre {CentreCode}: case {CaseReference} is recorded as having no recipient",
                message.CentreCode, message.CaseReference);
        }

        Db.Notifications.Add(Notifications.Notification.Create(
            context.MessageId!.Value,
            nameof(CaseOpened),
            message.CaseReference,
            template.Key,
            template.Serialize(new CaseOpenedEmail(message.CaseReference, message.AssessmentDueAt)),
            centre?.Email,
            centre?.Language ?? Language.En,
            Time.GetUtcNow()));
    }

    protected override void OnCommitted() => delivery.Notify();
}
