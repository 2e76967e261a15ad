using MassTransit;
using Safeguard.Contracts.Reintegration;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Consumers;

/// <summary>
/// A prison handed a prisoner over before release (000 §4.3.4): the centre for social work of the place of
/// residence is told what to prepare. Other arrivals reach the municipal office through its own list.
/// </summary>
public sealed class PreReleaseHandoverConsumer(NotificationDbContext db, TimeProvider time, PreReleaseHandoverTemplate template, DeliverySignal delivery)
    : NotificationConsumer<ReintegrationCaseOpened>(db, time, delivery)
{
    protected override async Task HandleAsync(ReintegrationCaseOpened message, ConsumeContext<ReintegrationCaseOpened> context, CancellationToken cancellationToken)
    {
        if (message.ArrivalKind == ReintegrationArrivalKinds.PreReleaseHandover && message.CsrCode is { } centre)
        {
            await SendToInstitutionAsync(context, centre, message.CaseReference, template,
                new PreReleaseHandoverEmail(message.CaseReference, message.ArrivalAt, message.VisitDueAt), cancellationToken);
        }
    }
}

/// <summary>A referral was sent (004 §2.3): tell the receiving institution's contact.</summary>
public sealed class ReferralSentConsumer(NotificationDbContext db, TimeProvider time, ReferralSentTemplate template, DeliverySignal delivery)
    : NotificationConsumer<ReferralSent>(db, time, delivery)
{
    protected override Task HandleAsync(ReferralSent message, ConsumeContext<ReferralSent> context, CancellationToken cancellationToken)
    {
        Send(context, message.CaseReference, template,
            new ReferralSentEmail(message.ReferralReference, message.Service, message.Recipient.InstitutionName, message.AnswerBy, message.ClaimCode),
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

/// <summary>
/// A referral went unanswered past its date (004 §2.3): its contact is reminded, and the referring officer told (her
/// office's mailbox when the sender's address is unknown), each once — the event is raised once and each e-mail's id
/// is derived from it.
/// </summary>
public sealed class ReferralAnswerOverdueConsumer(NotificationDbContext db, TimeProvider time, ReferralChaseTemplate chase,
    ReferralUnansweredTemplate unanswered, DeliverySignal delivery)
    : NotificationConsumer<ReferralAnswerOverdue>(db, time, delivery)
{
    protected override async Task HandleAsync(ReferralAnswerOverdue message, ConsumeContext<ReferralAnswerOverdue> context, CancellationToken cancellationToken)
    {
        Send(context, message.CaseReference, chase, new ReferralChaseEmail(message.ReferralReference, message.Service, message.SentAt, message.AnswerBy),
            message.Recipient.Email, LanguageOf(message.Recipient.Language));
        var toSender = new ReferralUnansweredEmail(message.ReferralReference, message.Service, message.Recipient.InstitutionName, message.AnswerBy);
        if (message.SenderEmail is { } sender)
        {
            var office = await Db.Institutions.FindAsync([message.MunicipalityCode], cancellationToken);
            Send(context, message.CaseReference, unanswered, toSender, sender, office?.Language ?? Language.En);
        }
        else
        {
            await SendToInstitutionAsync(context, message.MunicipalityCode, message.CaseReference, unanswered, toSender, cancellationToken);
        }
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
