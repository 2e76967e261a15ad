using System.Text.Json;

namespace Safeguard.LoadBenchmark;

/// <summary>
/// The main run's headline figures under one way of keeping traces (issue 25 §5). eng/bench.sh runs the mix with every
/// span sent to the dashboard (as a developer runs the platform), then again with traces sampled at the gateway (as an
/// operator would), each run saving its figures with --summary; --compare prints them side by side.
/// </summary>
public sealed record TelemetryFigures(
    string Telemetry,
    double AssessmentsPerSecond,
    double AssessmentP50Ms,
    double AssessmentP99Ms,
    double EmailP99Ms,
    int EmailsLost,
    double ServicesCpuPercent,
    double DashboardCpuPercent,
    double ServicesRssMiB,
    IReadOnlyDictionary<string, double> LightOverhead,
    int Errors)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task SaveAsync(string path) => await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json));

    public static async Task<TelemetryFigures> LoadAsync(string path) =>
        JsonSerializer.Deserialize<TelemetryFigures>(await File.ReadAllTextAsync(path))
        ?? throw new InvalidOperationException($"{path} holds no figures.");

    /// <summary>What a label says about the platform's trace setting (the AppHost's Safeguard:TraceSampleRatio).</summary>
    public static string Describe(double? ratio) =>
        ratio is { } r and < 1 ? $"traces sampled {r:0.#%} + failed" : "every span";
}
