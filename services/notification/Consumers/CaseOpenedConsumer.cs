using MassTransit;
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
    : NotificationConsumer<CaseOpened>(db, time, delivery)
{
    protected override async Task HandleAsync(CaseOpened message, ConsumeContext<CaseOpened> context, CancellationToken cancellationToken)
    {
        var centre = await SendToInstitutionAsync(context, message.CentreCode, message.CaseReference, template,
            new CaseOpenedEmail(message.CaseReference, message.AssessmentDueAt), cancellationToken);
        if (centre is null)
        {
            logger.LogWarning("No mailbox registered for centre {CentreCode}: case {CaseReference} is recorded as having no recipient",
                message.CentreCode, message.CaseReference);
        }
    }
}
