using MassTransit;
using Safeguard.Contracts.Identity;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Consumers;

/// <summary>An account was registered: its holder gets her activation link, in her language.</summary>
public sealed class AccountInvitedConsumer(NotificationDbContext db, TimeProvider time, AccountInvitationTemplate template, DeliverySignal delivery)
    : NotificationConsumer<AccountInvited>(db, time, delivery)
{
    protected override Task HandleAsync(AccountInvited message, ConsumeContext<AccountInvited> context, CancellationToken cancellationToken)
    {
        // Accounts belong to no case: the account stands in for the case reference in the delivery log.
        Send(context, $"ID-{message.AccountId:N}", template,
            new AccountInvitationEmail(message.InstitutionName, message.Roles, message.ActivationUrl, message.ExpiresAt, message.Reset),
            message.Email, LanguageOf(message.Language));
        return Task.CompletedTask;
    }
}
