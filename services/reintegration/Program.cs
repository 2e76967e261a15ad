using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Clocks;
using Safeguard.Reintegration.Consent;
using Safeguard.Reintegration.Indicators;
using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Persistence;
using Safeguard.Reintegration.Plans;
using Safeguard.Reintegration.Referrals;
using Safeguard.Reintegration.Reviews;
using Safeguard.Reintegration.Schemes;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<ReintegrationDbContext>(ReintegrationService.Description);
builder.Services.AddValidation();
builder.Services.AddSingleton<ClockSignal>();
builder.Services.AddHostedService<ClockWatcher>();
builder.Services.AddScoped<IRecordAccessRules, HouseholdAccessRules>();
builder.Services.AddScoped<IStartupDataStep, NameIndex<HouseholdMember>>();

var app = builder.Build();
app.UseSafeguardService();
app.MapCaseEndpoints();
app.MapNeedsEndpoints();
app.MapPlanEndpoints();
app.MapConsentEndpoints();
app.MapReferralEndpoints();
app.MapReviewEndpoints();
app.MapClockEndpoints();
app.MapIndicatorEndpoints();
app.MapSchemeEvaluationEndpoints();
app.MapAuditQuery(ReintegrationService.Description.ApiPrefix);

await app.RunSafeguardServiceAsync<ReintegrationDbContext>();
