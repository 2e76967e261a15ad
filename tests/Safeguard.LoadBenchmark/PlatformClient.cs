using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.LoadBenchmark;

/// <summary>A person's HTTP client on the platform (one connection pool for all), with a token from the development issuer.</summary>
public sealed class PlatformClient
{
    private static readonly HttpMessageHandler Handler = new SetUpRetries(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    });

    /// <summary>How long a request may wait for its answer before it counts as timed out.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private PlatformClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>Signs in as a person of an institution (the gateway's development issuer: no identity provider here).</summary>
    public static async Task<PlatformClient> SignInAsync(Uri gateway, Uri baseAddress, string subject, string role, string institution, string kind, string? email = null)
    {
        using var issuer = new HttpClient(Handler, disposeHandler: false) { BaseAddress = gateway };
        var response = await issuer.PostAsJsonAsync("/dev/token", new { subject, roles = new[] { role }, institution, institutionKind = kind, email });
        await EnsureAsync(response, "a development token");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var http = new HttpClient(Handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = Timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new PlatformClient(http);
    }

    /// <summary>The same person on another address (a service called directly instead of through the gateway).</summary>
    public PlatformClient At(Uri baseAddress)
    {
        var http = new HttpClient(Handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = Http.Timeout };
        http.DefaultRequestHeaders.Authorization = Http.DefaultRequestHeaders.Authorization;
        return new PlatformClient(http);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? ifMatch = null) => SendAsync(HttpMethod.Post, path, body, ifMatch);

    public Task<HttpResponseMessage> PutAsync(string path, object body, string? ifMatch = null) => SendAsync(HttpMethod.Put, path, body, ifMatch);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await Http.SendAsync(request);
    }

    /// <summary>Setup steps must succeed: a failure there stops the benchmark with the problem the platform gave.</summary>
    public static async Task<JsonElement> EnsureAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Setting up {what} answered {(int)response.StatusCode}: {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string ETagOf(HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response carries no ETag.");

    public static bool IsExpected(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent;
}
