using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.ServiceDefaults;

/// <summary>Entry points every service and the gateway call once.</summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddLoggingDefaults();
        builder.ConfigureOpenTelemetry();
        builder.Services.AddDefaultHealthChecks();
        builder.Services.AddSafeguardProblemDetails();
        builder.LimitRequestBodies();
        builder.AddPlatformAuthentication();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        return builder;
    }

    /// <summary>
    /// Problem responses for every error (401 and 403 included), then <c>/health</c> (ready: every check) and
    /// <c>/alive</c> (live: the process answers), the only endpoints open without a token. Call first so that
    /// the exception handler wraps everything after it; then <see cref="PlatformAuthentication.UsePlatformAuthentication"/>.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimit();
        app.MapHealthEndpoints();
        return app;
    }
}
