using MassTransit;
using Safeguard.Contracts.SafetyPlan;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Consumers;

/// <summary>Team convened (Art. 17-19) or reconvened on new risk (Art. 21, marked urgent): every member and deputy.</summary>
public sealed class TeamConvenedConsumer(NotificationDbContext db, TimeProvider time, TeamConvenedTemplate template, DeliverySignal delivery)
    : NotificationConsumer<TeamConvened>(db, time, delivery)
{
    protected override Task HandleAsync(TeamConvened message, ConsumeContext<TeamConvened> context, CancellationToken cancellationToken)
    {
        SendToEach(context, message.CaseReference, template, message.Recipients,
            person => new TeamConvenedEmail(message.CaseReference, message.Reasons, message.Reconvened, message.OccurredAt, person.Role, message.PlanId));
        return Task.CompletedTask;
    }
}

/// <summary>A seat on a team (Annex 4): its person gets the code that binds it to her account (issue 22 §4).</summary>
public sealed class TeamSeatInvitedConsumer(NotificationDbContext db, TimeProvider time, TeamSeatInvitationTemplate template, DeliverySignal delivery)
    : NotificationConsumer<TeamSeatInvited>(db, time, delivery)
{
    protected override Task HandleAsync(TeamSeatInvited message, ConsumeContext<TeamSeatInvited> context, CancellationToken cancellationToken)
    {
        // Seats belong to no case: the team stands in for the case reference in the delivery log.
        Send(context, $"TM-{message.TeamId:N}", template,
            new TeamSeatInvitationEmail(message.TeamName, message.InstitutionName, message.Seat.Role, message.Code, message.ExpiresAt),
            message.Seat.Email, LanguageOf(message.Seat.Language));
        return Task.CompletedTask;
    }
}

/// <summary>Plan adopted: every member and deputy, with the first-contact deadline (Art. 15).</summary>
public sealed class SafetyPlanAdoptedConsumer(NotificationDbContext db, TimeProvider time, PlanAdoptedTemplate template, DeliverySignal delivery)
    : NotificationConsumer<SafetyPlanAdopted>(db, time, delivery)
{
    protected override Task HandleAsync(SafetyPlanAdopted message, ConsumeContext<SafetyPlanAdopted> context, CancellationToken cancellationToken)
    {
        SendToEach(context, message.CaseReference, template, message.Recipients,
            _ => new PlanAdoptedEmail(message.CaseReference, message.AdoptedAt, message.FirstContactDueAt, message.PlanId));
        return Task.CompletedTask;
    }
}

/// <summary>Plan revised (Art. 16, 20): every member and deputy.</summary>
public sealed class SafetyPlanRevisedConsumer(NotificationDbContext db, TimeProvider time, PlanRevisedTemplate template, DeliverySignal delivery)
    : NotificationConsumer<SafetyPlanRevised>(db, time, delivery)
{
    protected override Task HandleAsync(SafetyPlanRevised message, ConsumeContext<SafetyPlanRevised> context, CancellationToken cancellationToken)
    {
        SendToEach(context, message.CaseReference, template, message.Recipients, _ => new PlanRevisedEmail(message.CaseReference, message.Change, message.PlanId));
        return Task.CompletedTask;
    }
}

/// <summary>A measure is assigned: its responsible member.</summary>
public sealed class MeasureAssignedConsumer(NotificationDbContext db, TimeProvider time, MeasureAssignedTemplate template, DeliverySignal delivery)
    : NotificationConsumer<MeasureAssigned>(db, time, delivery)
{
    protected override Task HandleAsync(MeasureAssigned message, ConsumeContext<MeasureAssigned> context, CancellationToken cancellationToken)
    {
        Send(context, message.CaseReference, template, new MeasureAssignedEmail(message.CaseReference, message.MeasureCode, message.Article, message.Frequency, message.PlanId),
            message.Responsible.Email, LanguageOf(message.Responsible.Language));
        return Task.CompletedTask;
    }
}

/// <summary>
/// A monitoring clock falls due or is overdue (Art. 15, 21, 31): to the member who owes it; when overdue,
/// also to the centre's case manager. A duty of the whole team goes to the case manager; a duty with nobody
/// named (the centre's own individual plan, Art. 15-16, or a plan still without a team) goes to the centre's mailbox.
/// </summary>
public sealed class MonitoringClockAlertConsumer(NotificationDbContext db, TimeProvider time, MonitoringClockTemplate template, DeliverySignal delivery)
    : NotificationConsumer<MonitoringClockAlert>(db, time, delivery)
{
    protected override async Task HandleAsync(MonitoringClockAlert message, ConsumeContext<MonitoringClockAlert> context, CancellationToken cancellationToken)
    {
        var owner = message.Owner ?? message.CaseManager;
        if (owner is null)
        {
            await SendToInstitutionAsync(context, message.CentreCode, message.CaseReference, template,
                new MonitoringClockEmail(message.CaseReference, message.Clock, message.Stage, message.DeadlineAt, AsCaseManager: false), cancellationToken);
            return;
        }
        Send(context, message.CaseReference, template,
            new MonitoringClockEmail(message.CaseReference, message.Clock, message.Stage, message.DeadlineAt, AsCaseManager: false, message.PlanId),
            owner.Email, LanguageOf(owner.Language));
        if (message.Stage == "overdue" && message.CaseManager is { } manager && manager.Email != owner.Email)
        {
            Send(context, message.CaseReference, template,
                new MonitoringClockEmail(message.CaseReference, message.Clock, message.Stage, message.DeadlineAt, AsCaseManager: true, message.PlanId),
                manager.Email, LanguageOf(manager.Language));
        }
    }
}

/// <summary>The team must act but she refused it (Annex 2 §3; Art. 11, 20, 22): the centre's mailbox, once per plan.</summary>
public sealed class TeamConveningHeldConsumer(NotificationDbContext db, TimeProvider time, TeamConveningHeldTemplate template, DeliverySignal delivery)
    : NotificationConsumer<TeamConveningHeld>(db, time, delivery)
{
    protected override async Task HandleAsync(TeamConveningHeld message, ConsumeContext<TeamConveningHeld> context, CancellationToken cancellationToken) =>
        await SendToInstitutionAsync(context, message.CentreCode, message.CaseReference, template,
            new TeamConveningHeldEmail(message.CaseReference, message.Reasons, message.EmergencyMeasures, message.OccurredAt), cancellationToken);
}
