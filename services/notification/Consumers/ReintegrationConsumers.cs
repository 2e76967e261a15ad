using MassTransit;
using Safeguard.Contracts.Reintegration;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Consumers;

/// <summary>A referral was sent (004 §2.3): tell the receiving institution's contact.</summary>
public sealed class ReferralSentConsumer(NotificationDbContext db, TimeProvider time, ReferralSentTemplate template, DeliverySignal delivery)
    : NotificationConsumer<ReferralSent>(db, time, delivery)
{
    protected override Task HandleAsync(ReferralSent message, ConsumeContext<ReferralSent> context, CancellationToken cancellationToken)
    {
        Send(context, message.CaseReference, template,
            new ReferralSentEmail(message.ReferralReference, message.Service, message.Recipient.InstitutionName, message.AnswerBy),
            message.Recipient.Email, LanguageOf(message.Recipient.Language));
        return Task.CompletedTask;
    }
}

/// <summary>A referral was revoked: tell the receiving institution's contact to stop. Other changes are the institution's own doing.</summary>
public sealed class ReferralStatusChangedConsumer(NotificationDbContext db, TimeProvider time, ReferralRevokedTemplate template, DeliverySignal delivery)
    : NotificationConsumer<ReferralStatusChanged>(db, time, delivery)
{
    protected override Task HandleAsync(ReferralStatusChanged message, ConsumeContext<ReferralStatusChanged> context, CancellationToken cancellationToken)
    {
        if (message.To == "revoked")
        {
            Send(context, message.CaseReference, template, new ReferralRevokedEmail(message.ReferralReference, message.Service),
                message.Recipient.Email, LanguageOf(message.Recipient.Language));
        }
        return Task.CompletedTask;
    }
}

/// <summary>A reintegration deadline is near or passed: the municipal office's mailbox.</summary>
public sealed class ReintegrationClockAlertConsumer(NotificationDbContext db, TimeProvider time, ReintegrationClockTemplate template, DeliverySignal delivery)
    : NotificationConsumer<ReintegrationClockAlert>(db, time, delivery)
{
    protected override Task HandleAsync(ReintegrationClockAlert message, ConsumeContext<ReintegrationClockAlert> context, CancellationToken cancellationToken) =>
        SendToInstitutionAsync(context, message.MunicipalityCode, message.CaseReference, template,
            new ReintegrationClockEmail(message.CaseReference, message.Clock, message.Stage, message.DeadlineAt), cancellationToken);
}
