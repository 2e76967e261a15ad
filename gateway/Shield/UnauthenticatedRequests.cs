using System.Diagnostics.Metrics;

namespace Safeguard.Gateway.Shield;

/// <summary>
/// Requests the gateway turns away without a valid token (401), counted for the dashboard rather than audited one
/// by one (issue 24 §7): they carry no identity to record, and a scan would otherwise flood the services' audit
/// tables. A rising count is the sign an operator looks for. Labelled by the API the request named, never by caller.
/// </summary>
public sealed class UnauthenticatedRequests
{
    public const string MeterName = "Safeguard.Gateway";

    private readonly Counter<long> _refused;

    public UnauthenticatedRequests(IMeterFactory meters) =>
        _refused = meters.Create(MeterName).CreateCounter<long>("safeguard.gateway.unauthenticated", "{request}",
            "Requests the gateway answered 401 (no token, or one it does not accept)");

    public void Count(HttpContext context) => _refused.Add(1, new KeyValuePair<string, object?>("api", ApiOf(context.Request.Path)));

    /// <summary>"/api/risk-assessment/cases/…" → "risk-assessment": a fixed set of names, never an id.</summary>
    private static string ApiOf(PathString path) =>
        path.StartsWithSegments("/api", out var rest) && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var api, ..] && api.Length <= 40
            && api.All(c => char.IsAsciiLetterLower(c) || c == '-')
            ? api
            : "other";
}

public static class UnauthenticatedRequestsExtensions
{
    public static IServiceCollection AddUnauthenticatedRequestCount(this IServiceCollection services) => services.AddSingleton<UnauthenticatedRequests>();

    public static IApplicationBuilder UseUnauthenticatedRequestCount(this IApplicationBuilder app)
    {
        var count = app.ApplicationServices.GetRequiredService<UnauthenticatedRequests>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                count.Count(context);
            }
        });
    }
}
