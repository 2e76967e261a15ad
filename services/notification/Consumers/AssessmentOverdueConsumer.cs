using MassTransit;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Consumers;

/// <summary>The 12 hours of Art. 5 passed without an assessment: tell the centre's mailbox.</summary>
public sealed class AssessmentOverdueConsumer(NotificationDbContext db, TimeProvider time, AssessmentOverdueTemplate template, DeliverySignal delivery)
    : NotificationConsumer<AssessmentOverdue>(db, time, delivery)
{
    protected override Task HandleAsync(AssessmentOverdue message, ConsumeContext<AssessmentOverdue> context, CancellationToken cancellationToken) =>
        SendToInstitutionAsync(context, message.CentreCode, message.CaseReference, template,
            new AssessmentOverdueEmail(message.CaseReference, message.AssessmentDueAt), cancellationToken);
}
