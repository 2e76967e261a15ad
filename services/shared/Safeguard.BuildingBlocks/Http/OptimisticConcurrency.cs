using Microsoft.AspNetCore.Http;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Http;

/// <summary>
/// Two professionals never overwrite each other silently: a read returns the record's version as an
/// ETag, and every change must send it back in If-Match. A stale version gets 412; a missing one 428.
/// </summary>
public static class OptimisticConcurrency
{
    public const string IfMatch = "If-Match";

    public static string ETagOf(uint version) => $"\"{version}\"";

    public static void SetETag(this HttpResponse response, uint version) => response.Headers.ETag = ETagOf(version);

    /// <returns>A problem result when the request does not name the current version; null when it does.</returns>
    public static IResult? CheckIfMatch(this HttpRequest request, uint currentVersion)
    {
        var sent = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(sent))
        {
            return Problem(StatusCodes.Status428PreconditionRequired,
                "The If-Match header is required.",
                "Send the ETag from your last read of the record in If-Match, so that a change made meanwhile is not overwritten.");
        }
        var normalized = sent.Trim().Replace("W/", "", StringComparison.Ordinal);
        return normalized == ETagOf(currentVersion) ? null : Stale();
    }

    /// <summary>The record changed between the check and the save, or since the client read it.</summary>
    public static IResult Stale() => Problem(StatusCodes.Status412PreconditionFailed,
        "The record has changed since you read it.",
        "Read it again, review what changed, and resubmit with its new ETag in If-Match.");

    private static IResult Problem(int status, string title, string detail) => TypedResults.Problem(
        statusCode: status, title: title, detail: detail,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [IfMatch] = [title] } });
}

/// <summary>Saving under optimistic concurrency.</summary>
public static class ConcurrentSave
{
    /// <summary>
    /// Saves the changes and commits the open transaction (the one that holds the record's row lock); inside an
    /// audited request that is the request's, which commits them with their audit entry once the endpoint returns.
    /// </summary>
    /// <returns>Null when saved; a 412 problem when someone else changed the record first (nothing is committed).</returns>
    public static async Task<IResult?> CommitOrRefuseAsync(this ServiceDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (!db.InRequestTransaction)
            {
                await db.Database.CommitTransactionAsync(cancellationToken);
            }
            return null;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return OptimisticConcurrency.Stale();
        }
    }
}
