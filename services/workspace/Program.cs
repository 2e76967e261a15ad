using MudBlazor.Services;
using Safeguard.ServiceDefaults;
using Safeguard.Workspace.Api;
using Safeguard.Workspace.Components;
using Safeguard.Workspace.Sessions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWorkspaceSignIn();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddScoped<Safeguard.Workspace.Languages.UserLanguage>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpClient<GatewayApi>(http => http.BaseAddress = WorkspaceSignIn.PublicUrl(builder.Configuration));

var app = builder.Build();
// The gateway routes /workspace/... here unchanged: links, the cookie and the sign-in callback live under it.
app.UsePathBase(WorkspaceSignIn.PathBase);
// Routing after the path base, so that endpoints match the path without it (the circuit's /_blazor included).
app.UseRouting();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapSignInEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
