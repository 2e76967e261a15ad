namespace Safeguard.Gateway.Shield;

/// <summary>Refusals the gateway answers itself (413, 429, 503), written as the same RFC 7807 problems the services give.</summary>
internal static class GatewayProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
