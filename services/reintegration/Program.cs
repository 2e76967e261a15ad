using Safeguard.BuildingBlocks.Hosting;
using Safeguard.Reintegration;
using Safeguard.Reintegration.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<ReintegrationDbContext>(ReintegrationService.Description);
builder.Services.AddValidation();

var app = builder.Build();
app.UseSafeguardService();

await app.RunSafeguardServiceAsync<ReintegrationDbContext>();
