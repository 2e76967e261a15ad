namespace Safeguard.Platform.Tests.Api;

/// <summary>The OpenAPI documents the gateway serves, one per service, as a client generator or a linter reads them.</summary>
internal static class ApiDocuments
{
    public static readonly string[] Paths =
    [
        "/api/risk-assessment/openapi/v1.json",
        "/api/safety-plans/openapi/v1.json",
        "/api/reintegration/openapi/v1.json",
        "/api/training/openapi/v1.json",
        "/api/notifications/openapi/v1.json",
        "/api/identity/openapi/v1.json",
    ];

    /// <summary>Saves the document, fetched without a token as a newcomer would, to a file of its own.</summary>
    public static async Task<string> DownloadAsync(HttpClient anonymous, string path)
    {
        var folder = Directory.CreateTempSubdirectory("safeguard-openapi-").FullName;
        var file = Path.Combine(folder, path.Split('/')[2] + ".json");
        await File.WriteAllTextAsync(file, await anonymous.GetStringAsync(path));
        return file;
    }
}
