using Safeguard.Gateway;
using Safeguard.Gateway.Routing;
using Safeguard.Gateway.Shield;
using Safeguard.ServiceDefaults;
using Safeguard.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.HideServerBanner();
builder.AddRateLimits();
builder.AddClosedCors();
builder.Services.AddUnauthenticatedRequestCount();
builder.Services.AddServiceAdmission();
builder.Services.AddValidation();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    // Destinations are service names ("http://risk-assessment"), resolved from the AppHost's references.
    .AddServiceDiscoveryDestinationResolver();
builder.RequireEncryptedDestinations();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseServiceDefaults();
app.UseCors();
app.UseUnauthenticatedRequestCount();
// The limits key on the token's subject and institution, and apply to callers the check will refuse.
app.UsePlatformAuthentication(beforeAuthorization: a => a.UseRateLimiter());
app.MapApiIndex();
app.MapApiReference();
// Every proxied route needs a valid token (the fallback policy); each service checks it again, with roles.
app.MapReverseProxy(proxy =>
{
    proxy.UseUnavailableServiceProblems();
    proxy.UseServiceAdmission();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();
