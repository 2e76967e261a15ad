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
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue(routeKey)?.ToString(), out var id))
        {
            return await next(context);
        }
        var rules = http.RequestServices.GetRequiredService<IRecordAccessRules>();
        if (!await rules.MayAccessAsync(http.Caller(), recordType, id, http.RequestAborted))
        {
            await AuditTrail.WriteAsync(http, "denied", recordType, id, StatusCodes.Status404NotFound);
            return Problems.NotFound($"There is no such {recordType}, or it is not yours to see.");
        }
        var result = await next(context);
        var action = HttpMethods.IsGet(http.Request.Method) ? "read" : "change";
        await AuditTrail.WriteAsync(http, action, recordType, id, StatusOf(result));
        return result;
    });

    /// <summary>
    /// A call on a collection of personal records: a list or search (action "list"; the list is already
    /// limited to what the caller may see), or a creation (action "change", with the new record's id).
    /// </summary>
    public static TBuilder AuditCollection<TBuilder>(this TBuilder builder, string recordType)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        var result = await next(context);
        var isRead = HttpMethods.IsGet(http.Request.Method);
        var createdId = !isRead && result is IValueHttpResult { Value: { } value } ? IdOf(value) : null;
        await AuditTrail.WriteAsync(http, isRead ? "list" : "change", recordType, createdId, StatusOf(result));
        return result;
    });

    private static int StatusOf(object? result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;

    private static Guid? IdOf(object value) => value.GetType().GetProperty("Id")?.GetValue(value) as Guid?;
}
