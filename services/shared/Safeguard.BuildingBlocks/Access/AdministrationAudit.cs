using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>
/// A platform administrator's action on the platform itself — a mailbox changed, an e-mail retried, dead letters
/// replayed — is audited as a change (issue 24 §9), committed with what it changed, refusals included. Its record
/// is named by the route's id, or by a key (a code, a queue) when it has none.
/// </summary>
public static class AdministrationAudit
{
    /// <param name="recordKey">The record's key when the route names no id (an institution's code, a queue).</param>
    public static TBuilder AuditAdministration<TBuilder>(this TBuilder builder, string recordType, Func<HttpContext, string?>? recordKey = null)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AuditedRecord(recordType, RouteKey: null)).AddEndpointFilter(
        (context, next) => AuditedChange.RunAsync(context, next, recordType, _ => RefusalAudit.FirstRouteId(context.HttpContext), recordKey));

    /// <summary>The key a route value holds, e.g. "code".</summary>
    public static Func<HttpContext, string?> RouteValue(string name) => http => http.GetRouteValue(name)?.ToString();
}
