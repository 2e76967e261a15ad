using System.Net;
using System.Text.Json;

namespace Safeguard.Platform.Tests.Api;

/// <summary>
/// Institutions' systems generate their clients from the documents the gateway serves, so each document must
/// pass a standard OpenAPI linter (Redocly's recommended rules) without an error: every operation declares
/// the bearer scheme it needs and the problems it can answer, and has a summary.
/// </summary>
public sealed class OpenApiLintTests(PlatformFixture platform)
{
    public static TheoryData<string> Documents => new(ApiDocuments.Paths);

    private static readonly string[] TypeKeywords = ["type", "$ref", "oneOf", "anyOf", "allOf", "enum", "const"];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_document_passes_Redoclys_recommended_rules_without_an_error(string path)
    {
        var file = await ApiDocuments.DownloadAsync(platform.Anonymous, path);

        // Redocly CLI as eng/install-prereqs.sh installed it from eng/npm-tools' lock file.
        var lint = await RepositoryCommands.RunAsync("node",
            ["eng/npm-tools/node_modules/@redocly/cli/bin/cli.js", "lint", "--extends", "recommended", "--format", "json", file]);

        using var report = JsonDocument.Parse(lint.Output);
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() == "error")
            .Select(p => $"{p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}")
            .ToList();
        Assert.Empty(problems);
        Assert.Equal(0, lint.ExitCode);
        // The positive control: the linter read this document's operations (a document it could not read
        // would fail above; one with no operations would pass vacuously).
        Assert.True(report.RootElement.GetProperty("totals").TryGetProperty("errors", out _), lint.Output);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.NotEmpty(document.RootElement.GetProperty("paths").EnumerateObject());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_operation_declares_the_bearer_scheme_and_its_problem_answers(string path)
    {
        using var response = await platform.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.False(root.GetProperty("servers")[0].GetProperty("url").GetString()!.EndsWith('/'));

        var missing = new List<string>();
        foreach (var route in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in route.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {route.Name}";
                var responses = operation.Value.GetProperty("responses");
                if (!operation.Value.TryGetProperty("security", out var security) || !security[0].TryGetProperty("bearer", out _))
                {
                    missing.Add($"{name}: security");
                }
                foreach (var status in new[] { "401", "429", "503" }.Where(s => !responses.TryGetProperty(s, out _)))
                {
                    missing.Add($"{name}: {status}");
                }
                if (route.Name.Contains('{') && !responses.TryGetProperty("404", out _))
                {
                    missing.Add($"{name}: 404");
                }
                if (responses.TryGetProperty("401", out var unauthorized) &&
                    !unauthorized.GetProperty("content").TryGetProperty("application/problem+json", out _))
                {
                    missing.Add($"{name}: 401 as a problem");
                }
            }
        }
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Text_fields_are_typed_as_strings(string path)
    {
        using var document = JsonDocument.Parse(await platform.Anonymous.GetStringAsync(path));

        // A typeless schema ({}) would make a generated client hand an untyped node where text belongs.
        var untyped = new List<string>();
        foreach (var schema in document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties))
            {
                continue;
            }
            untyped.AddRange(properties.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object && !TypeKeywords.Any(keyword => p.Value.TryGetProperty(keyword, out _)))
                .Select(p => $"{schema.Name}.{p.Name}"));
        }
        Assert.Empty(untyped);
    }
}
