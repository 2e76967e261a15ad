using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>
/// GET {prefix}/audit/{recordType}/{id}: who read or changed a record, when, from which institution and in
/// which trace. For a CSR supervisor on the records her rules reach, and for platform administrators.
/// There is no endpoint that changes or deletes an entry.
/// </summary>
public static class AuditEndpoints
{
    public sealed record AuditEntryView(DateTimeOffset At, string Subject, string Institution, string Roles, string Action,
        string RecordType, Guid? RecordId, string Endpoint, int Status, string? TraceId);

    public static IEndpointRouteBuilder MapAuditQuery(this IEndpointRouteBuilder app, string apiPrefix)
    {
        app.MapGet(apiPrefix + "/audit/{recordType}/{id:guid}", async (string recordType, Guid id, HttpContext http, ServiceDbContext db,
                IRecordAccessRules rules, CancellationToken cancellationToken) =>
            {
                if (!rules.RecordTypes.Contains(recordType))
                {
                    return Problems.Invalid("recordType", $"One of: {string.Join(", ", rules.RecordTypes)}.");
                }
                var caller = http.Caller();
                if (!caller.Is(PlatformRoles.PlatformAdmin) && !await rules.MayAccessAsync(caller, recordType, id, cancellationToken))
                {
                    return Problems.NotFound($"There is no such {recordType}, or it is not yours to see.");
                }
                var entries = await db.AuditEntries.AsNoTracking()
                    .Where(e => e.RecordId == id && e.RecordType == recordType)
                    .OrderBy(e => e.Id)
                    .Take(1000)
                    .Select(e => new AuditEntryView(e.At, e.Subject, e.Institution, e.Roles, e.Action, e.RecordType, e.RecordId, e.Endpoint, e.Status, e.TraceId))
                    .ToListAsync(cancellationToken);
                return TypedResults.Ok(entries);
            })
            .AllowRoles(PlatformRoles.CsrSupervisor, PlatformRoles.PlatformAdmin)
            .WithTags("Access history").WithName("GetAccessHistory")
            .WithSummary("Every read and change of a record, oldest first (supervisors, platform administrators)");
        return app;
    }
}
