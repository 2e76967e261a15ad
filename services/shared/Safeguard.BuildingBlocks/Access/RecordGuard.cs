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
    /// A call on a collection of personal records: a list (action "list", one entry per record returned; the list
    /// is already limited to what the caller may see), or a creation (action "change", with the new record's id).
    /// </summary>
    public static TBuilder AuditCollection<TBuilder>(this TBuilder builder, string recordType)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AuditedRecord(recordType, RouteKey: null)).AddEndpointFilter(async (context, next) =>
        HttpMethods.IsGet(context.HttpContext.Request.Method)
            ? await ListAsync(context, next, recordType)
            : await AuditedChange.RunAsync(context, next, recordType, result => CreatedId(result)));

    /// <summary>
    /// A search whose criteria travel in a POST body (a name never goes in a URL): a read like a list, not a change
    /// (issue 24 §6).
    /// </summary>
    public static TBuilder AuditSearch<TBuilder>(this TBuilder builder, string recordType)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AuditedRecord(recordType, RouteKey: null))
        .AddEndpointFilter((context, next) => ListAsync(context, next, recordType));

    /// <summary>
    /// Records the id of every record the answer returned (issue 24 §6), so a record's history shows each list and
    /// search that surfaced it; an answer with none is recorded once, without an id.
    /// </summary>
    private static async ValueTask<object?> ListAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string recordType)
    {
        var listed = await next(context);
        await AuditTrail.WriteManyAsync(context.HttpContext, "list", recordType, ReturnedIds(listed), AuditedChange.StatusOf(listed));
        return listed;
    }

    private static IReadOnlyList<Guid> ReturnedIds(object? result) => result switch
    {
        INestedHttpResult nested => ReturnedIds(nested.Result),
        IValueHttpResult { Value: System.Collections.IEnumerable items and not string } =>
            items.Cast<object?>().Select(item => item is null ? null : IdOf(item)).OfType<Guid>().Distinct().ToList(),
        _ => [],
    };

    private static Guid? CreatedId(object? result) => result switch
    {
        INestedHttpResult nested => CreatedId(nested.Result),
        IValueHttpResult { Value: { } value } => IdOf(value),
        _ => null,
    };

    private static Guid? IdOf(object value) => value.GetType().GetProperty("Id")?.GetValue(value) as Guid?;
}
