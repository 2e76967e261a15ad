using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Safeguard.ServiceDefaults;

/// <summary>
/// Every error leaves as an RFC 7807 problem response carrying the trace id, so an operator can find the
/// request in the dashboard. Exception messages are never returned: they may quote stored data.
/// </summary>
public static class ProblemResponses
{
    public static IServiceCollection AddSafeguardProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Extensions["traceId"] = traceId;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                NameFieldsAsInJson(validation.Errors);
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Minimal APIs answer an unreadable body with a bare 400 unless told to throw; the handler below
        // then turns it into a problem response that names the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// Validation names members as in C# ("CentreCode", "Victim.Name"); clients send and read camelCase
    /// JSON, so the error keys are given in the same spelling as the fields they name.
    /// </summary>
    private static void NameFieldsAsInJson(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToArray())
        {
            var jsonName = string.Join('.', key.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
            if (jsonName != key)
            {
                errors[jsonName] = errors.TryGetValue(jsonName, out var existing) ? [.. existing, .. errors[key]] : errors[key];
                errors.Remove(key);
            }
        }
    }
}

/// <summary>
/// Turns an unreadable request body (malformed JSON, a wrong type for a field) into a 400 problem that
/// names the field, instead of the generic 500 that an unhandled exception would give.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var field = FindJsonPath(badRequest);
        // The JSON path names the field; the raw message could echo submitted values, so it is not logged.
        logger.LogInformation("Rejected an unreadable request body at {JsonPath}", field ?? "(body)");

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var errors = new Dictionary<string, string[]>
        {
            [field ?? "body"] = [field is null ? "The request body could not be read." : "The value has the wrong format or type."],
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = badRequest.StatusCode,
                Title = "The request body is not valid.",
                Detail = field is null ? "The body is missing or is not valid JSON." : $"The field '{field}' could not be read.",
            },
        });
    }

    private static string? FindJsonPath(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            // "$" is the body as a whole (e.g. not JSON at all): no single field to name.
            if (e is JsonException { Path: { Length: > 0 } path } && path != "$")
            {
                return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
            }
        }
        return null;
    }
}
