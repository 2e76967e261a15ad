using System.Text.Json;

namespace Safeguard.RiskAssessment.Instrument;

/// <summary>Every version of the instrument shipped with the service (embedded JSON), and which one is current.</summary>
public sealed class InstrumentCatalog
{
    private readonly Dictionary<string, InstrumentDefinition> _versions;

    private InstrumentCatalog(IEnumerable<InstrumentDefinition> versions)
    {
        _versions = versions.ToDictionary(v => v.Version, StringComparer.Ordinal);
        Current = _versions.Values.OrderBy(v => v.Version, StringComparer.Ordinal).Last();
    }

    public InstrumentDefinition Current { get; }

    public IEnumerable<string> Versions => _versions.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string version, out InstrumentDefinition instrument) => _versions.TryGetValue(version, out instrument!);

    public static InstrumentCatalog LoadEmbedded()
    {
        var assembly = typeof(InstrumentCatalog).Assembly;
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var versions = assembly.GetManifestResourceNames()
            .Where(name => name.Contains(".Instrument.annex1-", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                return JsonSerializer.Deserialize<InstrumentDefinition>(stream, json)
                    ?? throw new InvalidOperationException($"Instrument resource {name} is empty.");
            })
            .ToList();
        if (versions.Count == 0)
        {
            throw new InvalidOperationException("No Annex 1 instrument is embedded in the service.");
        }
        return new InstrumentCatalog(versions);
    }
}
