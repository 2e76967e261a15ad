using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Safeguard.ServiceDefaults;

/// <summary><c>/health</c>: ready to serve (database, broker...). <c>/alive</c>: the process answers.</summary>
public static class HealthEndpoints
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";

    public static IServiceCollection AddDefaultHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // Open without a token: the orchestrator and load balancers probe them; they reveal no data.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The overall status and each check's, with the check's own reason (e.g. "the outbox has not moved for 3 min"):
    /// an operator reads why a service is Degraded. Never an exception's message, which could name a host or a row.
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new HealthAnswer(report.Status.ToString(),
            report.Entries.Select(e => new HealthAnswer.Check(e.Key, e.Value.Status.ToString(), e.Value.Description)).ToList()),
            HealthJson.Default.HealthAnswer, context.RequestAborted);
    }
}

/// <summary>What /health and /alive answer.</summary>
public sealed record HealthAnswer(string Status, IReadOnlyList<HealthAnswer.Check> Checks)
{
    public sealed record Check(string Name, string Status, string? Reason);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthAnswer))]
internal sealed partial class HealthJson : JsonSerializerContext;
