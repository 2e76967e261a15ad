using Safeguard.BuildingBlocks.Access;
using Safeguard.TrainingRegistry.Access;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.TrainingRegistry;
using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Indicators;
using Safeguard.TrainingRegistry.Participants;
using Safeguard.TrainingRegistry.Persistence;
using Safeguard.TrainingRegistry.Programmes;
using Safeguard.TrainingRegistry.Sessions;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<TrainingRegistryDbContext>(TrainingRegistryService.Description);
builder.Services.AddValidation();
builder.Services.AddScoped<IStartupDataStep, ActionPlanSeeder>();
builder.Services.AddSingleton<IRetentionStep, InactiveParticipantRetention>();

builder.Services.AddScoped<IRecordAccessRules, ParticipantAccessRules>();

var app = builder.Build();
app.UseSafeguardService();
app.MapActionPlanEndpoints();
app.MapProgrammeEndpoints();
app.MapParticipantEndpoints();
app.MapSessionEndpoints();
app.MapEnrolmentEndpoints();
app.MapIndicatorEndpoints();
app.MapAuditQuery(TrainingRegistryService.Description.ApiPrefix);

await app.RunSafeguardServiceAsync<TrainingRegistryDbContext>();
