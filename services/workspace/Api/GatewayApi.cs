using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Workspace.Sessions;

namespace Safeguard.Workspace.Api;

/// <summary>The person's session has ended (idle, signed out, account disabled): the page sends her to sign in again.</summary>
public sealed class SessionEndedException() : Exception("The sign-in session has ended.");

/// <summary>What any answer of an API says about itself, whatever its value.</summary>
public interface IApiAnswer
{
    HttpStatusCode Status { get; }

    /// <summary>The problem's title (RFC 7807) when it failed.</summary>
    string? Title { get; }

    /// <summary>The problem's messages by the field they name.</summary>
    IReadOnlyDictionary<string, string[]> Errors { get; }

    bool Ok { get; }
}

/// <summary>An API's answer: the value, or the problem it gave (RFC 7807), its fields' messages by field name.</summary>
public sealed record ApiResult<T>(T? Value, HttpStatusCode Status, string? Title, IReadOnlyDictionary<string, string[]> Errors, string? ETag) : IApiAnswer
{
    public bool Ok => (int)Status is >= 200 and < 300;
}

/// <summary>A file as the API served it.</summary>
public sealed record DownloadedFile(string Name, string ContentType, byte[] Content);

/// <summary>
/// The gateway's APIs, called with the signed-in person's own token: the workspace has no other way to the data,
/// so every record rule, audit and limit applies to what it shows (issue 23).
/// </summary>
public sealed class GatewayApi(HttpClient http, SessionTokens tokens)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, body: null, ifMatch: null, ReadJsonAsync<T>, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object body, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, path, body, ifMatch, ReadJsonAsync<T>, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, path, body, ifMatch, ReadJsonAsync<T>, cancellationToken);

    /// <summary>A file the API serves (a CSV or XLSX export), with the name and type it gives it.</summary>
    public Task<ApiResult<DownloadedFile>> DownloadAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, body: null, ifMatch: null, async (response, ct) => new DownloadedFile(
            response.Content.Headers.ContentDisposition is { } disposition ? (disposition.FileNameStar ?? disposition.FileName?.Trim('"') ?? "") : "",
            response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream",
            await response.Content.ReadAsByteArrayAsync(ct)), cancellationToken);

    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? ifMatch,
        Func<HttpResponseMessage, CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
    {
        var token = await tokens.AccessTokenAsync(cancellationToken) ?? throw new SessionEndedException();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new SessionEndedException();
        }
        var etag = response.Headers.ETag?.ToString();
        if (response.IsSuccessStatusCode)
        {
            return new ApiResult<T>(await read(response, cancellationToken), response.StatusCode, null, new Dictionary<string, string[]>(), etag);
        }
        return await ProblemAsync<T>(response, etag, cancellationToken);
    }

    private static async Task<ApiResult<T>> ProblemAsync<T>(HttpResponseMessage response, string? etag, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? title = null;
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            if (problem.RootElement.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")];
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the status says enough.
        }
        return new ApiResult<T>(default, response.StatusCode, title, errors, etag);
    }
}
