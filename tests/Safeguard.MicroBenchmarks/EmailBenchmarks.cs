using BenchmarkDotNet.Attributes;
using Safeguard.Notification.Templates;

namespace Safeguard.MicroBenchmarks;

/// <summary>Rendering the e-mail every team member gets when a team is convened (one per member and deputy).</summary>
public class EmailBenchmarks
{
    private readonly TeamConvenedTemplate _template = new();
    private string _model = null!;

    [Params(Language.En, Language.Mk)]
    public Language Language { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _model = _template.Serialize(new TeamConvenedEmail("NS-2026-000123", ["high-risk", "police-emergency-measure"], Reconvened: false,
            DateTimeOffset.Parse("2026-11-24T09:30:00Z", System.Globalization.CultureInfo.InvariantCulture), "member"));

    [Benchmark(Description = "TeamConvenedTemplate.Render")]
    public RenderedEmail Render() => _template.Render(_model, Language);
}
