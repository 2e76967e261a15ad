using Safeguard.BuildingBlocks.Hosting;
using Safeguard.Notification;
using Safeguard.Notification.Consumers;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Institutions;
using Safeguard.Notification.Notifications;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<NotificationDbContext>(NotificationService.Description, bus =>
{
    bus.AddConsumer<CaseOpenedConsumer>();
    bus.AddConsumer<AssessmentOverdueConsumer>();
    bus.AddConsumer<TeamConvenedConsumer>();
    bus.AddConsumer<TeamConveningHeldConsumer>();
    bus.AddConsumer<SafetyPlanAdoptedConsumer>();
    bus.AddConsumer<SafetyPlanRevisedConsumer>();
    bus.AddConsumer<MeasureAssignedConsumer>();
    bus.AddConsumer<MonitoringClockAlertConsumer>();
    bus.AddConsumer<ReferralSentConsumer>();
    bus.AddConsumer<ReferralStatusChangedConsumer>();
    bus.AddConsumer<ReferralAnswerOverdueConsumer>();
    bus.AddConsumer<ReintegrationClockAlertConsumer>();
    bus.AddConsumer<PreReleaseHandoverConsumer>();
    bus.AddConsumer<SessionInvitationConsumer>();
    bus.AddConsumer<AccountInvitedConsumer>();
    bus.AddConsumer<TeamSeatInvitedConsumer>();
});
builder.Services.AddValidation();
builder.AddEmailDelivery();
builder.Services.AddEmailTemplates();
builder.Services.AddSingleton<Safeguard.BuildingBlocks.Persistence.IRetentionStep, DeliveredBodyRetention>();

var app = builder.Build();
app.UseSafeguardService();
app.MapInstitutionEndpoints();
app.MapNotificationEndpoints();

await app.RunSafeguardServiceAsync<NotificationDbContext>();
