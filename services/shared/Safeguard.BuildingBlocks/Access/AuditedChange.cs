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
        Func<object?, Guid?> recordId, Func<HttpContext, string?>? recordKey = null)
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
            await AuditTrail.WriteAsync(http, "change", recordType, recordId(result), status, recordKey?.Invoke(http));
            return result;
        }
        // What the endpoint left unsaved is not part of its answer; only the entry joins the saved change.
        foreach (var unsaved in db.ChangeTracker.Entries().Where(e => e.State != Microsoft.EntityFrameworkCore.EntityState.Unchanged).ToList())
        {
            unsaved.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
        AuditTrail.Add(db, http, "change", recordType, recordId(result), status, recordKey?.Invoke(http));
        // Not the request's token: the answer is computed; the client going away now must not undo a change it made.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>The answer's status; a typed union (<c>Results&lt;Ok, Created, …&gt;</c>) answers with the result it holds.</summary>
    internal static int StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        _ => StatusCodes.Status200OK,
    };
}
