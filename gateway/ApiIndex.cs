using System.Net;
using System.Text;
using Yarp.ReverseProxy.Configuration;

namespace Safeguard.Gateway;

/// <summary>
/// <c>GET /</c>: which APIs the gateway serves and where each one's OpenAPI document is. A browser gets a
/// page that points to the interactive reference; an API client asking for JSON gets the index. Neither
/// needs a token: both describe the platform, never its data.
/// </summary>
public static class ApiIndex
{
    public sealed record ApiEntry(string Service, string Path, string OpenApi);

    public static WebApplication MapApiIndex(this WebApplication app)
    {
        app.MapGet("/", (HttpRequest request, IProxyConfigProvider proxy) =>
        {
            var entries = Entries(proxy);
            return WantsPage(request)
                ? Results.Content(Page(entries), "text/html; charset=utf-8")
                : TypedResults.Ok(new { name = "Safeguard gateway", reference = ApiReference.Path, apis = entries });
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The services' APIs: each proxied prefix under /api (the routes that pass everything below it on). The
    /// identity service's sign-in pages and OpenID Connect endpoints are routed too, but are not an API with a document.
    /// </summary>
    public static ApiEntry[] Entries(IProxyConfigProvider proxy) => proxy.GetConfig().Routes
        .Where(r => r.Match.Path?.StartsWith("/api/", StringComparison.Ordinal) == true && r.Match.Path.EndsWith("/{**rest}", StringComparison.Ordinal))
        .Select(r =>
        {
            var prefix = r.Match.Path![..^"/{**rest}".Length];
            return new ApiEntry(r.ClusterId ?? r.RouteId, prefix, prefix + "/openapi/v1.json");
        })
        // The protection chain's APIs first, in order; the platform's own accounts and institutions after them.
        .OrderBy(e => e.Path == IdentityPath)
        .ThenBy(e => e.Path, StringComparer.Ordinal)
        .ToArray();

    private const string IdentityPath = "/api/identity";

    /// <summary>A browser asks for HTML first; a client that names JSON, or nothing, gets JSON as before.</summary>
    private static bool WantsPage(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var html = accept.FirstOrDefault(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        var json = accept.FirstOrDefault(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        return html is not null && (json is null || (html.Quality ?? 1) > (json.Quality ?? 1));
    }

    // Plain HTML with no script or style, so the gateway's strict content-security policy holds for it.
    private static string Page(IEnumerable<ApiEntry> entries)
    {
        var page = new StringBuilder("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Safeguard gateway</title></head>
            <body>
            <h1>Safeguard gateway</h1>
            <p>Every API of the platform is reached here. Each call needs a bearer token of the platform's identity provider.</p>
            """);
        page.Append(CultureInvariant($"<p><a href=\"{ApiReference.Path}\">Open the interactive API reference</a>: every operation, its fields and answers; paste a token there to try a call.</p>\n"));
        page.Append("<h2>OpenAPI documents</h2>\n<ul>\n");
        foreach (var entry in entries)
        {
            page.Append(CultureInvariant($"<li>{WebUtility.HtmlEncode(entry.Service)}: <code>{WebUtility.HtmlEncode(entry.Path)}</code>, <a href=\"{WebUtility.HtmlEncode(entry.OpenApi)}\">{WebUtility.HtmlEncode(entry.OpenApi)}</a></li>\n"));
        }
        page.Append("</ul>\n<p>Health: <a href=\"/health\">/health</a>. API clients asking for <code>application/json</code> get this index as JSON.</p>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
