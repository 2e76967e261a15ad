using Safeguard.BuildingBlocks.Hosting;
using Safeguard.TrainingRegistry;
using Safeguard.TrainingRegistry.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguardService<TrainingRegistryDbContext>(TrainingRegistryService.Description);
builder.Services.AddValidation();

var app = builder.Build();
app.UseSafeguardService();

await app.RunSafeguardServiceAsync<TrainingRegistryDbContext>();
