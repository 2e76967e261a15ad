using Safeguard.BuildingBlocks.Hosting;
using Safeguard.RiskAssessment;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<RiskAssessmentDbContext>(RiskAssessmentService.Description);
builder.Services.AddValidation();

var app = builder.Build();
app.UseSafeguardService();
app.MapCaseEndpoints();

await app.RunSafeguardServiceAsync<RiskAssessmentDbContext>();
