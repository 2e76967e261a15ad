namespace Safeguard.RiskAssessment.Instrument;

/// <summary>Text in the four languages of the platform: "mk", "sq", "sr" and "en".</summary>
public sealed class LocalizedText : Dictionary<string, string>;

/// <summary>
/// The Annex 1 questionnaire as data (Rulebook Art. 10, Annex 1). Each version is a JSON file in this
/// folder; an assessment records the version it answered, so old assessments stay readable when the
/// form changes.
/// </summary>
public sealed record InstrumentDefinition(
    string Id,
    string Version,
    LocalizedText Title,
    string Source,
    IReadOnlyList<InstrumentOption> AnswerScale,
    IReadOnlyList<InstrumentSection> Sections)
{
    public IEnumerable<InstrumentItem> Items => Sections.SelectMany(s => s.Items);
}

/// <param name="AppliesWhen">"childrenInFamily" for §4: asked only when there are children in the family.</param>
public sealed record InstrumentSection(string Id, LocalizedText Title, IReadOnlyList<InstrumentItem> Items, string? AppliesWhen = null);

/// <param name="Kind">"answer" (yes / no / cannot assess), "choice" (options) or "text".</param>
/// <param name="Parent">The item this one details (e.g. 1.5.1 under 1.5).</param>
public sealed record InstrumentItem(
    string Id,
    string Kind,
    string Source,
    LocalizedText Text,
    bool Required,
    string? Parent = null,
    IReadOnlyList<InstrumentDetail>? Details = null,
    IReadOnlyList<InstrumentOption>? Options = null,
    bool Multiple = false)
{
    public const string AnswerKind = "answer";
    public const string ChoiceKind = "choice";
    public const string TextKind = "text";
}

public sealed record InstrumentDetail(string Id, string Kind, LocalizedText Text);

public sealed record InstrumentOption(string Id, LocalizedText Text);
