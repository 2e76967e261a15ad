using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Safeguard.Platform.Tests;

/// <summary>The gateway is the one entrance: it answers health, routes each API and its OpenAPI document.</summary>
public sealed class GatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task Health_answers_200_healthy()
    {
        var response = await platform.Gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/risk-assessment", "Safeguard.RiskAssessment")]
    [InlineData("/api/safety-plans", "Safeguard.SafetyPlan")]
    [InlineData("/api/reintegration", "Safeguard.Reintegration")]
    [InlineData("/api/training", "Safeguard.TrainingRegistry")]
    [InlineData("/api/notifications", "Safeguard.Notification")]
    [InlineData("/api/identity", "Safeguard.Identity")]
    public async Task Each_service_OpenAPI_document_is_reachable_through_the_gateway(string prefix, string title)
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonElement>($"{prefix}/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.StartsWith(title, document.GetProperty("info").GetProperty("title").GetString());
        // Behind the gateway the document names the gateway as its server, not the service's own port.
        var server = new Uri(document.GetProperty("servers")[0].GetProperty("url").GetString()!);
        Assert.Equal(platform.Gateway.BaseAddress!.Port, server.Port);
    }

    [Fact]
    public async Task The_index_lists_every_API_with_its_OpenAPI_document()
    {
        var index = await platform.Gateway.GetFromJsonAsync<JsonElement>("/");

        var paths = index.GetProperty("apis").EnumerateArray().Select(a => a.GetProperty("path").GetString()!).ToArray();
        Assert.Equal<string[]>(["/api/notifications", "/api/reintegration", "/api/risk-assessment", "/api/safety-plans", "/api/training", "/api/identity"], paths);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var response = await platform.Gateway.GetAsync("/api/no-such-service/anything");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_path_inside_a_service_is_a_404_problem_from_that_service()
    {
        var response = await platform.Gateway.GetAsync("/api/risk-assessment/no-such-resource");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
