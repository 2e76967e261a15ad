using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Gauges;
using Safeguard.SafetyPlan.Access;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.SafetyPlan;
using Safeguard.SafetyPlan.Consumers;
using Safeguard.SafetyPlan.IndividualPlans;
using Safeguard.SafetyPlan.Kpis;
using Safeguard.SafetyPlan.Monitoring;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<SafetyPlanDbContext>(SafetyPlanService.Description, bus =>
{
    bus.AddConsumer<CaseOpenedConsumer>();
    bus.AddConsumer<TeamConveningRequiredConsumer>();
    bus.AddConsumer<VictimConsentChangedConsumer>();
    bus.AddConsumer<RiskAssessedConsumer>();
    bus.AddConsumer<CaseClosedConsumer>();
    bus.AddConsumer<CaseErasedConsumer>();
});
builder.Services.AddValidation();
builder.Services.AddDeadlineWatcher<ClockWatcher, ClockSignal, SafetyPlanDbContext>(ClockWatcher.Name, ClockWatcher.Inputs);
builder.Services.AddDeadlineWatcher<IndividualPlanClockWatcher, IndividualPlanClockSignal, SafetyPlanDbContext>(
    IndividualPlanClockWatcher.Name, IndividualPlanClockWatcher.Inputs);
builder.Services.AddGaugeSource<PlanGauges>();
builder.Services.AddScoped<PlanAccessRules>();
builder.Services.AddScoped<IRecordAccessRules>(services => services.GetRequiredService<PlanAccessRules>());

var app = builder.Build();
app.UseSafeguardService();
app.MapTeamEndpoints();
app.MapSeatAcceptanceEndpoint();
app.MapPlanEndpoints();
app.MapAdoptionEndpoint();
app.MapRevisionEndpoints();
app.MapMeasureCatalogueEndpoint();
app.MapNoticeEndpoints();
app.MapIndividualPlanEndpoints();
app.MapIndividualPlanMonitoringEndpoints();
app.MapKpiEndpoints();
app.MapPlanFormEndpoints();
app.MapMonitoringEndpoints();
app.MapPlanEventEndpoints();
app.MapAuditQuery(SafetyPlanService.Description.ApiPrefix);

await app.RunSafeguardServiceAsync<SafetyPlanDbContext>();
