using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client.Exceptions;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>
/// The operator's view of messages a consumer gave up on after its retries (issue 10), for platform
/// administrators only: GET {prefix}/dead-letters lists each queue's error queue (count, ids, types, the
/// exception type; never the content), POST {prefix}/dead-letters/{queue}/replay moves them back once the
/// cause is fixed. `eng/dead-letters.sh` calls both for every service.
/// </summary>
public static class DeadLetterEndpoints
{
    public sealed record ReplayResult(string Queue, int Replayed);

    public static IEndpointRouteBuilder MapDeadLetters(this IEndpointRouteBuilder app, string apiPrefix)
    {
        var group = app.MapGroup(apiPrefix + "/dead-letters")
            .AllowRoles(PlatformRoles.PlatformAdmin)
            .WithTags("Dead letters");

        group.MapGet("", async (DeadLetterQueues queues, CancellationToken cancellationToken) =>
                await BrokerCallAsync(async () => TypedResults.Ok(await queues.ListAsync(cancellationToken))))
            .WithName("ListDeadLetters")
            .WithSummary("The error queues of this service: how many messages wait in each, and which (platform administrators)");

        group.MapPost("{queue}/replay", async (string queue, string? messageId, DeadLetterQueues queues, ILoggerFactory loggers,
                CancellationToken cancellationToken) =>
            {
                if (!queues.Queues.Contains(queue))
                {
                    return Problems.Invalid("queue", $"One of: {string.Join(", ", queues.Queues)}.");
                }
                return await BrokerCallAsync(async () =>
                {
                    var replayed = await queues.ReplayAsync(queue, messageId, cancellationToken);
                    loggers.CreateLogger(typeof(DeadLetterEndpoints)).LogWarning(
                        "Replayed {Count} message(s) from {ErrorQueue} to {Queue}", replayed, queue + DeadLetterQueues.ErrorSuffix, queue);
                    return TypedResults.Ok(new ReplayResult(queue, replayed));
                });
            })
            .WithName("ReplayDeadLetters")
            .AuditAdministration("dead-letters", http => http.GetRouteValue("queue") is { } queue
                ? http.Request.Query["messageId"] is { Count: > 0 } messageId ? $"{queue}/{messageId}" : queue.ToString()
                : null)
            .WithSummary("Moves the messages of a queue's error queue back to it, or only ?messageId= (platform administrators)");
        return app;
    }

    private static async Task<IResult> BrokerCallAsync(Func<Task<IResult>> call)
    {
        try
        {
            return await call();
        }
        catch (BrokerUnreachableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The message broker cannot be reached.",
                detail: "The error queues live in RabbitMQ; try again when it is back.");
        }
    }
}
