using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.BuildingBlocks.OpenApi;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.ServiceDefaults;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Hosting;

/// <summary>The wiring every domain service shares, so that each Program.cs says only what is its own.</summary>
public static class SafeguardServiceHost
{
    public static WebApplicationBuilder AddSafeguardService<TDbContext>(
        this WebApplicationBuilder builder,
        ServiceDescription service,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : ServiceDbContext
    {
        builder.AddServiceDefaults();
        // SQL text at Information floods the logs; failures are still logged as errors.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Services.AddSingleton(service);
        // Deadlines are computed from an injected clock so that tests can move time.
        builder.AddClock();
        builder.AddPersonalDataProtection(service);
        builder.AddServiceDatabase<TDbContext>();
        builder.AddServiceMessaging<TDbContext>(service, configureConsumers);
        builder.Services.AddHealthChecks().AddCheck<BackgroundWorkHealthCheck>(BackgroundWorkHealthCheck.Name, tags: ["ready"]);
        // Enumerations travel as kebab-case words ("police", "cannot-assess"), never as numbers.
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            json.SerializerOptions.Converters.Add(new PlainTextStringConverter());
        });
        builder.Services.AddOpenApi(options => options.UseSafeguardConventions());
        // Note: each service calls builder.Services.AddValidation() in its own Program.cs: the validation
        // source generator only finds request types in the assembly that makes that call.
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        return builder;
    }

    public static WebApplication UseSafeguardService(this WebApplication app)
    {
        // Behind the gateway: links (Location, OpenAPI servers) name the gateway, not the service's own port.
        app.UseForwardedHeaders();
        app.UseServiceDefaults();
        app.UseWholeResponses();
        app.UsePlatformAuthentication(beforeAuthorization: a => a.UseRefusalAudit());
        var service = app.Services.GetRequiredService<ServiceDescription>();
        // The documents describe operations, never data: an institution's developer reads them before holding a token.
        app.MapOpenApi(service.ApiPrefix + "/openapi/{documentName}.json").AllowAnonymous();
        app.MapDeadLetters(service.ApiPrefix);
        app.MapTestClock(service.ApiPrefix);
        return app;
    }

    /// <summary>Configuration value (Safeguard:Mode) that makes the service's binary its own migrate step.</summary>
    public const string MigrateMode = "migrate";

    /// <summary>
    /// Serves until stopped, once the migrate step has brought the database to this version. Started with
    /// Safeguard:Mode=migrate and the owner's connection, the same binary is that step instead (issue 24 §1): it
    /// applies migrations, runs the start-up data steps (<see cref="IStartupDataStep"/>) and exits, so the running
    /// service never holds the owner's credentials.
    /// </summary>
    public static async Task RunSafeguardServiceAsync<TDbContext>(this WebApplication app) where TDbContext : ServiceDbContext
    {
        if (app.Configuration["Safeguard:Mode"] != MigrateMode)
        {
            await app.EnsureSchemaCurrentAsync<TDbContext>(app.Lifetime.ApplicationStopping);
            await app.RunAsync();
            return;
        }

        await app.MigrateDatabaseAsync<TDbContext>(app.Lifetime.ApplicationStopping);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            foreach (var step in scope.ServiceProvider.GetServices<IStartupDataStep>())
            {
                await step.RunAsync(app.Lifetime.ApplicationStopping);
            }
        }
        // Flushes the step's logs and traces; the host itself never started.
        await app.DisposeAsync();
    }
}
