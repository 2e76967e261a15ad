namespace Safeguard.Workspace.Api;

/// <summary>The Annex 1 questionnaire as risk-assessment serves it, every text in the four languages.</summary>
public sealed record Instrument(string Version, Dictionary<string, string> Title, IReadOnlyList<InstrumentOption> AnswerScale, IReadOnlyList<InstrumentSection> Sections)
{
    public const string ChildrenCondition = "childrenInFamily";
}

public sealed record InstrumentSection(string Id, Dictionary<string, string> Title, IReadOnlyList<InstrumentItem> Items, string? AppliesWhen)
{
    public bool AppliesTo(bool childrenInFamily) => AppliesWhen != Instrument.ChildrenCondition || childrenInFamily;
}

/// <param name="Kind">"answer" (yes / no / cannot assess), "choice" or "text".</param>
public sealed record InstrumentItem(
    string Id, string Kind, Dictionary<string, string> Text, bool Required, string? Parent,
    IReadOnlyList<InstrumentDetail>? Details, IReadOnlyList<InstrumentOption>? Options, bool Multiple)
{
    public bool TakesAnswer => Kind == "answer";
    public bool TakesText => Kind == "text";
}

public sealed record InstrumentDetail(string Id, string Kind, Dictionary<string, string> Text);

public sealed record InstrumentOption(string Id, Dictionary<string, string> Text);

/// <summary>What the answers lead to (risk-assessment's evaluation, or a recorded assessment's result).</summary>
public sealed record RiskEvaluation(
    string Level, string ModelLevel, string Confidence, IReadOnlyList<string> RedFlags, int FactorsPresent, int FactorsConsidered,
    int FactorsUnknown, string LevelIfUnknownsPresent, IReadOnlyList<RiskReason> Reasons);

/// <param name="Kind">"red-flag", "factor", "low-confidence" or "professional-judgement".</param>
public sealed record RiskReason(string Kind, string Code, string Description, IReadOnlyList<string> Items, string Source);
