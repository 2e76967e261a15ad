using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// A request that meets a database outage (server restarting, connection refused or cut) gets a 503 problem
/// with Retry-After within the connect timeout, instead of a 500 or a hang. One that found every connection of the
/// service's pool busy for as long gets a 503 saying the service is busy (issue 25 §1): the database is up, and
/// calling that an outage sent operators looking for a fault that was load. Either way its transaction was never
/// committed, so nothing of it is stored; the client may send it again.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var failure = DatabaseFailures.Classify(exception);
        if (failure == DatabaseFailure.None || httpContext.Response.HasStarted)
        {
            return false;
        }
        var route = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (failure == DatabaseFailure.Saturated)
        {
            logger.LogWarning("Connection pool saturated for {Method} {Route}", httpContext.Request.Method, route);
        }
        else
        {
            logger.LogWarning("Database unavailable for {Method} {Route}: {Reason}", httpContext.Request.Method, route, exception.GetType().Name);
        }
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        // A busy pool frees within a second or two; a restarting server takes longer.
        httpContext.Response.Headers.RetryAfter = failure == DatabaseFailure.Saturated ? "2" : "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = failure == DatabaseFailure.Saturated ? "The service is busy." : "The service's database is unavailable.",
                Detail = "Nothing of this request was stored. Try again shortly.",
            },
        });
    }
}
