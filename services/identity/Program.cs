using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.Identity;
using Safeguard.Identity.Accounts;
using Safeguard.Identity.Clients;
using Safeguard.Identity.Connect;
using Safeguard.Identity.Development;
using Safeguard.Identity.Institutions;
using Safeguard.Identity.Persistence;
using Safeguard.Identity.SignIn;

var builder = WebApplication.CreateBuilder(args);
// Refuses to start where the development issuer is asked for outside Development (issue 22 §6).
DevelopmentIssuer.CheckEnvironment(builder);
builder.AddSafeguardService<IdentityServiceDbContext>(IdentityService.Description);
// OpenIddict tells every request it handled at Information; failures still reach the log.
builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
builder.Services.AddValidation();
builder.AddAccounts();
builder.AddOpenIdConnectServer();
builder.Services.AddScoped<Safeguard.BuildingBlocks.Persistence.IStartupDataStep, WorkspaceClient>();
builder.Services.AddSingleton<Safeguard.BuildingBlocks.Persistence.IRetentionStep, DisabledAccountRetention>();

var app = builder.Build();
app.UseSafeguardService();
app.MapSignInPages();
app.MapActivationPages();
app.MapPasswordPages();
app.MapConnectEndpoints();
app.MapInstitutionEndpoints();
app.MapAccountEndpoints();
app.MapClientEndpoints();
app.MapDevelopmentIssuer();
app.MapAuditQuery(IdentityService.Description.ApiPrefix);

await app.RunSafeguardServiceAsync<IdentityServiceDbContext>();
