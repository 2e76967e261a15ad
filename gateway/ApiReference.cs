using Safeguard.Gateway.Shield;
using Scalar.AspNetCore;
using Yarp.ReverseProxy.Configuration;

namespace Safeguard.Gateway;

/// <summary>
/// <c>/api-reference</c>: the interactive reference (Scalar) over every service's OpenAPI document, where an
/// institution's developer reads each operation and tries it with a pasted bearer token. The page and its
/// documents need no token; the calls made from it do.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api-reference";

    /// <summary>
    /// Scalar's script and styles, served by the gateway itself, and its calls to the gateway's own APIs. Its
    /// page starts the script from an inline block and sets styles inline, so those two are allowed here, on
    /// this page only; it loads nothing from elsewhere (its web fonts, telemetry and AI agent are off).
    /// </summary>
    private const string Policy = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
                                  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
                                  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference(Path, (options, context) =>
        {
            options.WithTitle("Safeguard API reference")
                // Its toolbar's buttons (share, deploy, generate) lead to Scalar's hosted services.
                .HideDeveloperTools()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                // Persistent authentication stays off (Scalar's default): a pasted token lives in the page's
                // memory, never in the browser's storage.
                .AddPreferredSecuritySchemes(["bearer"]);
            foreach (var api in ApiIndex.Entries(context.RequestServices.GetRequiredService<IProxyConfigProvider>()))
            {
                options.AddDocument(api.Service, api.Service, api.OpenApi);
            }
        }).AllowAnonymous().WithContentSecurityPolicy(Policy);
        return app;
    }
}
