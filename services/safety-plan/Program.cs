using Safeguard.BuildingBlocks.Hosting;
using Safeguard.SafetyPlan;
using Safeguard.SafetyPlan.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<SafetyPlanDbContext>(SafetyPlanService.Description);
builder.Services.AddValidation();

var app = builder.Build();
app.UseSafeguardService();

await app.RunSafeguardServiceAsync<SafetyPlanDbContext>();
