using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.BuildingBlocks.Http;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>
/// Endpoint filters for personal records. <see cref="GuardRecord{TBuilder}"/>: the record named in the route must
/// be one the caller's rules reach (<see cref="IRecordAccessRules"/>), else 404 — the same answer as for a
/// record that does not exist, so ids of other institutions reveal nothing. Every call, allowed or not, is
/// audited with its outcome.
/// </summary>
public static class RecordGuard
{
    public static TBuilder GuardRecord<TBuilder>(this TBuilder builder, string recordType, string routeKey = "id")
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AuditedRecord(recordType, routeKey)).AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue(routeKey)?.ToString(), out var id))
        {
            return await next(context);
        }
        var rules = http.RequestServices.GetRequiredService<IRecordAccessRules>();
        if (!await rules.MayAccessAsync(http.Caller(), recordType, id, http.RequestAborted))
        {
            await AuditTrail.WriteAsync(http, RefusalAudit.Denied, recordType, id, StatusCodes.Status404NotFound);
            return Problems.NotFound($"There is no such {recordType}, or it is not yours to see.");
        }
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            return await AuditedChange.RunAsync(context, next, recordType, _ => id);
        }
        // A read is audited before the answer leaves.
        var result = await next(context);
        await AuditTrail.WriteAsync(http, "read", recordType, id, AuditedChange.StatusOf(result));
        return result;
    });

    /// <summary>
    /// A call on a collection of personal records: a list or search (action "list"; the list is already
    /// limited to what the caller may see), or a creation (action "change", with the new record's id).
    /// </summary>
    public static TBuilder AuditCollection<TBuilder>(this TBuilder builder, string recordType)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AuditedRecord(recordType, RouteKey: null)).AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            return await AuditedChange.RunAsync(context, next, recordType, result => result is IValueHttpResult { Value: { } value } ? IdOf(value) : null);
        }
        var listed = await next(context);
        await AuditTrail.WriteAsync(http, "list", recordType, null, AuditedChange.StatusOf(listed));
        return listed;
    });

    private static Guid? IdOf(object value) => value.GetType().GetProperty("Id")?.GetValue(value) as Guid?;
}
