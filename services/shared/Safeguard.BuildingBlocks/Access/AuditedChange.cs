using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>
/// A change and its audit entry commit in one transaction (issue 24 §8): the request opens it, the endpoint's own
/// transaction joins it (<see cref="ChangeTransaction"/>), and once the endpoint has answered, an accepted change
/// is committed together with its entry — a crash or a failed audit write between the two leaves neither. A
/// refused change (412, 409, 400...) rolls back and is then audited on its own; an exception rolls everything back.
/// </summary>
internal static class AuditedChange
{
    public static async ValueTask<object?> RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string recordType,
        Func<object?, Guid?> recordId)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<ServiceDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        object? result;
        db.InRequestTransaction = true;
        try
        {
            result = await next(context);
        }
        finally
        {
            db.InRequestTransaction = false;
        }
        var status = StatusOf(result);
        if (status is < 200 or >= 300)
        {
            await AuditTrail.WriteAsync(http, "change", recordType, recordId(result), status);
            return result;
        }
        // What the endpoint left unsaved is not part of its answer; only the entry joins the saved change.
        foreach (var unsaved in db.ChangeTracker.Entries().Where(e => e.State != Microsoft.EntityFrameworkCore.EntityState.Unchanged).ToList())
        {
            unsaved.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
        AuditTrail.Add(db, http, "change", recordType, recordId(result), status);
        // Not the request's token: the answer is computed; the client going away now must not undo a change it made.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    internal static int StatusOf(object? result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;
}
