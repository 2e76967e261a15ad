using Safeguard.Gateway;
using Safeguard.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    // Destinations are service names ("http://risk-assessment"), resolved from the AppHost's references.
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();
app.UseServiceDefaults();
app.MapApiIndex();
app.MapReverseProxy();

app.Run();
