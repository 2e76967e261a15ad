using Safeguard.BuildingBlocks.Hosting;
using Safeguard.SafetyPlan;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Teams;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<SafetyPlanDbContext>(SafetyPlanService.Description);
builder.Services.AddValidation();

var app = builder.Build();
app.UseSafeguardService();
app.MapTeamEndpoints();

await app.RunSafeguardServiceAsync<SafetyPlanDbContext>();
