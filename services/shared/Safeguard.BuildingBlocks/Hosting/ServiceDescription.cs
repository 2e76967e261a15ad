namespace Safeguard.BuildingBlocks.Hosting;

/// <summary>Who a service is: its short name (queues, telemetry) and the path the gateway routes to it.</summary>
/// <param name="Name">Short kebab-case name, e.g. "risk-assessment".</param>
/// <param name="ApiPrefix">Path prefix of every endpoint, e.g. "/api/risk-assessment".</param>
public sealed record ServiceDescription(string Name, string ApiPrefix)
{
    /// <summary>The service's OpenAPI document, under its own prefix so that it is reachable through the gateway.</summary>
    public string OpenApiPath => $"{ApiPrefix}/openapi/v1.json";
}
