using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Safeguard.ServiceDefaults;

/// <summary>
/// Bodies larger than Limits:MaxRequestBodyBytes (default 1 MiB; the largest legitimate body, a full Annex 1
/// questionnaire with notes, is a few kilobytes) are refused with a 413 problem, at the gateway and again at every
/// service (issue 24 §5): a service port reached around the gateway no longer takes Kestrel's 28 MB. A declared
/// length is checked before anything else runs; a chunked body is read up to the limit first, and then carries its length.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public const string MaxBytesKey = "Limits:MaxRequestBodyBytes";

    public static IHostApplicationBuilder LimitRequestBodies(this IHostApplicationBuilder builder)
    {
        var max = builder.Configuration.GetValue<long?>(MaxBytesKey) ?? DefaultMaxBytes;
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = max);
        return builder;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
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
                // Read whole, it now has a length: the gateway forwards it in one piece with Content-Length, and the
                // service is not woken once per chunk (issue 25 §4).
                context.Request.ContentLength = context.Request.Body.Length;
                context.Request.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.TransferEncoding);
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
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "The request body is too large.", Detail = $"Bodies are limited to {limit} bytes." },
        }).AsTask();
    }
}
