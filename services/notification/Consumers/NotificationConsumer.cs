using MassTransit;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.SafetyPlan;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Consumers;

/// <summary>
/// Base of every consumer that turns an event into e-mails. It records each e-mail in the inbox
/// transaction, under an id derived from the event, the template and the recipient (so a person who is
/// both owner and case manager, or a redelivered event, gets one e-mail), and wakes the delivery worker
/// once it is committed.
/// </summary>
public abstract class NotificationConsumer<TMessage>(NotificationDbContext db, TimeProvider time, DeliverySignal delivery)
    : IdempotentConsumer<TMessage, NotificationDbContext>(db, time)
    where TMessage : class
{
    /// <summary>The language of a team list or institution entry ("mk"...); English when unknown (issue: fallback).</summary>
    protected static Language LanguageOf(string? code) => KebabCaseEnum.TryParse<Language>(code, out var language) ? language : Language.En;

    protected void Send<TModel>(ConsumeContext<TMessage> context, string caseReference, EmailTemplate<TModel> template, TModel model,
        string? recipient, Language language) where TModel : class
    {
        var id = Notifications.Notification.DeriveId(context.MessageId!.Value, template.Key, recipient);
        if (Db.Notifications.Local.Any(n => n.Id == id))
        {
            return;
        }
        Db.Notifications.Add(Notifications.Notification.Create(context.MessageId!.Value, typeof(TMessage).Name, caseReference, template,
            template.Serialize(model), recipient, language, Time.GetUtcNow()));
    }

    /// <summary>
    /// One e-mail to an institution's registered mailbox, in its language (a centre, a municipal office). Without a
    /// mailbox the e-mail is still recorded, as having no recipient, so the gap shows in the delivery log.
    /// </summary>
    /// <returns>The mailbox, or null when the institution has none.</returns>
    protected async Task<Institutions.InstitutionContact?> SendToInstitutionAsync<TModel>(ConsumeContext<TMessage> context, string institutionCode,
        string caseReference, EmailTemplate<TModel> template, TModel model, CancellationToken cancellationToken) where TModel : class
    {
        var mailbox = await Db.Institutions.FindAsync([institutionCode], cancellationToken);
        Send(context, caseReference, template, model, mailbox?.Email, mailbox?.Language ?? Language.En);
        return mailbox;
    }

    /// <summary>One e-mail to each team recipient, in their own language.</summary>
    protected void SendToEach<TModel>(ConsumeContext<TMessage> context, string caseReference, EmailTemplate<TModel> template,
        IEnumerable<TeamRecipient> people, Func<TeamRecipient, TModel> model) where TModel : class
    {
        foreach (var person in people)
        {
            Send(context, caseReference, template, model(person), person.Email, LanguageOf(person.Language));
        }
    }

    protected override void OnCommitted() => delivery.Notify();
}
