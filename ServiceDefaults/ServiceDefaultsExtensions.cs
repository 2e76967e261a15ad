using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Safeguard.ServiceDefaults;

/// <summary>Entry points every service and the gateway call once.</summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.AddDefaultHealthChecks();
        builder.Services.AddSafeguardProblemDetails();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        return builder;
    }

    /// <summary>
    /// Problem responses for every error, then <c>/health</c> (ready: every check) and <c>/alive</c>
    /// (live: the process answers). Call first so that the exception handler wraps everything after it.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthEndpoints();
        return app;
    }
}
