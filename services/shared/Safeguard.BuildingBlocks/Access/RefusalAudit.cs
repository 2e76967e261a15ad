using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>The personal record an endpoint reaches, for audit entries written outside its own filter.</summary>
/// <param name="RouteKey">The route value holding the record's id; null for a collection.</param>
public sealed record AuditedRecord(string RecordType, string? RouteKey);

/// <summary>
/// A signed-in caller refused with 403 is audited like one who asked for another institution's record (issue 24
/// §7): refused by the endpoint's roles before any filter ran, or by the endpoint itself. A refusal a record filter
/// already audited is not written twice. Anonymous callers are not audited here: they never had an identity to
/// record, and the gateway counts the ones it turns away.
/// </summary>
public static class RefusalAudit
{
    public const string Denied = "denied";

    /// <summary>Between authentication (who) and authorization (which answers 403 by role).</summary>
    public static IApplicationBuilder UseRefusalAudit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status403Forbidden && http.User.Identity?.IsAuthenticated == true && !AuditTrail.HasWritten(http))
        {
            var record = http.GetEndpoint()?.Metadata.GetMetadata<AuditedRecord>();
            await AuditTrail.WriteAsync(http, Denied, record?.RecordType ?? "endpoint", RecordIdOf(http, record), StatusCodes.Status403Forbidden);
        }
    });

    private static Guid? RecordIdOf(HttpContext http, AuditedRecord? record)
    {
        if (record is not null)
        {
            return record.RouteKey is { } key && Guid.TryParse(http.GetRouteValue(key)?.ToString(), out var id) ? id : null;
        }
        // An endpoint outside the record filters: the record its route names, if it names one.
        return FirstRouteId(http);
    }

    internal static Guid? FirstRouteId(HttpContext http)
    {
        foreach (var (_, value) in http.GetRouteData().Values)
        {
            if (Guid.TryParse(value?.ToString(), out var id))
            {
                return id;
            }
        }
        return null;
    }
}
