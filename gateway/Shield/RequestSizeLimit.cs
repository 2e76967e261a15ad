using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Safeguard.Gateway.Shield;

/// <summary>
/// Bodies larger than Gateway:MaxRequestBodyBytes (default 1 MiB; the largest legitimate body, a full
/// Annex 1 questionnaire with notes, is a few kilobytes) are refused with a 413 problem before any service
/// sees them. A declared length is checked up front; a chunked body is read here up to the limit first.
/// </summary>
public static class RequestSizeLimit
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public static WebApplicationBuilder LimitRequestBodies(this WebApplicationBuilder builder)
    {
        var max = builder.Configuration.GetValue<long?>("Gateway:MaxRequestBodyBytes") ?? DefaultMaxBytes;
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = max);
        return builder;
    }

    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var max = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (max is not { } limit)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, limit);
            return;
        }
        if (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count > 0)
        {
            // A chunked body declares no length: read it here, up to the limit, so that an oversized one is
            // refused before it is half-forwarded to a service.
            context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
            try
            {
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                context.Request.Body.Position = 0;
            }
            catch (Exception e) when (e is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or IOException)
            {
                await RefuseAsync(context, limit);
                return;
            }
        }
        await next(context);
    });

    private static Task RefuseAsync(HttpContext context, long limit)
    {
        // The rest of the body is not read: the connection closes after this answer.
        context.Response.Headers.Connection = "close";
        return GatewayProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
            $"Bodies are limited to {limit} bytes.");
    }
}
