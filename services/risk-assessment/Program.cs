using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Gauges;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.RiskAssessment;
using Safeguard.RiskAssessment.Assessments;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Consent;
using Safeguard.RiskAssessment.Deadlines;
using Safeguard.RiskAssessment.Instrument;
using Safeguard.RiskAssessment.Persistence;
using Safeguard.RiskAssessment.Police;
using Safeguard.RiskAssessment.Risk;
using Safeguard.RiskAssessment.SafetyPlans;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<RiskAssessmentDbContext>(RiskAssessmentService.Description, bus =>
{
    bus.AddConsumer<TeamConvenedConsumer>();
    bus.AddConsumer<SafetyPlanClosedConsumer>();
    bus.AddConsumer<TeamRosterChangedConsumer>();
});
builder.Services.AddValidation();
var instruments = InstrumentCatalog.LoadEmbedded();
RiskModel.EnsureConsistentWith(instruments.Current.Items.Select(i => i.Id));
builder.Services.AddSingleton(instruments);
builder.Services.AddSingleton<DeadlineSignal>();
builder.Services.AddHostedService<AssessmentDeadlineWatcher>();
builder.Services.AddGaugeSource<CaseGauges>();
builder.Services.AddScoped<IRecordAccessRules, CaseAccessRules>();
builder.Services.AddScoped<IStartupDataStep, NameIndex<Case>>();
builder.Services.AddSingleton<IRetentionStep, ClosedCaseRetention>();

var app = builder.Build();
app.UseSafeguardService();
app.MapInstrumentEndpoints();
app.MapCaseEndpoints();
app.MapAssessmentEndpoints();
app.MapEvaluationEndpoint();
app.MapConsentEndpoints();
app.MapPoliceReportEndpoints();
app.MapAuditQuery(RiskAssessmentService.Description.ApiPrefix);

await app.RunSafeguardServiceAsync<RiskAssessmentDbContext>();
