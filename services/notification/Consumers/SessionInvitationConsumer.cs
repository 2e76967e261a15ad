using MassTransit;
using Safeguard.Contracts.Training;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Consumers;

/// <summary>A training session was scheduled, changed or cancelled, or someone enrolled: each person named, in her language.</summary>
public sealed class SessionInvitationConsumer(NotificationDbContext db, TimeProvider time, SessionInvitationTemplate template, DeliverySignal delivery)
    : NotificationConsumer<SessionInvitation>(db, time, delivery)
{
    protected override Task HandleAsync(SessionInvitation message, ConsumeContext<SessionInvitation> context, CancellationToken cancellationToken)
    {
        // Training e-mails belong to no case: the session stands in for the case reference in the delivery log.
        var reference = $"TR-{message.SessionId:N}";
        foreach (var invitee in message.Invitees)
        {
            Send(context, reference, template,
                new SessionInvitationEmail(message.ProgrammeTitle, message.ActivityCode, message.StartsOn, message.EndsOn, message.Place, message.Reason, invitee.Role),
                invitee.Email, LanguageOf(invitee.Language));
        }
        return Task.CompletedTask;
    }
}
