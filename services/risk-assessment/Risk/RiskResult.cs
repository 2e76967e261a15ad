namespace Safeguard.RiskAssessment.Risk;

/// <summary>
/// Why the level is what it is: each red flag and factor present, with the Annex 1 items that raised it,
/// what could not be assessed, and the professional's judgement where she raised it.
/// </summary>
/// <param name="Kind">"red-flag", "factor", "low-confidence" or "professional-judgement".</param>
public sealed record RiskReason(string Kind, string Code, string Description, string[] Items, string Source)
{
    public static RiskReason RedFlag(string code, string name, string[] items, string source) => new("red-flag", code, name, items, source);

    public static RiskReason Factor(string code, string name, string[] items, string source) => new("factor", code, name, items, source);

    public static RiskReason LowConfidence(int unknownFactors, IReadOnlyList<string> unknownRedFlags, string[] items) => new(
        "low-confidence",
        "cannot-assess",
        unknownRedFlags.Count > 0
            ? $"{unknownFactors} factor(s) could not be assessed, including red flag(s) {string.Join(", ", unknownRedFlags)}: the level may understate the risk and is at least medium; reassess as soon as they can be answered."
            : $"{unknownFactors} factors could not be assessed: the level may understate the risk and is at least medium; reassess as soon as they can be answered.",
        items,
        "Platform rule: \"cannot assess\" is not read as \"no\"");

    public static RiskReason ProfessionalJudgement(RiskLevel from, RiskLevel to, string reason) => new(
        "professional-judgement", "raised-by-professional", $"Raised from {from} to {to}: {reason}", ["5.0"], "Annex 1 §5 (professional judgement)");
}

/// <summary>The model's result for one set of answers.</summary>
/// <param name="Level">The level the model gives, after red flags and the low-confidence floor.</param>
/// <param name="CountedLevel">The level from the count of factors alone.</param>
/// <param name="LevelIfUnknownsPresent">The level if every unknown factor turned out to be present.</param>
public sealed record RiskResult(
    RiskLevel Level,
    RiskLevel CountedLevel,
    IReadOnlyList<string> RedFlags,
    int FactorsPresent,
    int FactorsConsidered,
    int FactorsUnknown,
    IReadOnlyList<string> UnknownRedFlags,
    Confidence Confidence,
    RiskLevel LevelIfUnknownsPresent,
    IReadOnlyList<RiskReason> Reasons)
{
    /// <summary>
    /// The reasons behind the level finally given: the professional's judgement first when she raised the model's
    /// level (Annex 1 §5), then the model's own.
    /// </summary>
    public IReadOnlyList<RiskReason> ReasonsFor(RiskLevel finalLevel, string? judgementReason) => finalLevel > Level
        ? [RiskReason.ProfessionalJudgement(Level, finalLevel, judgementReason!), .. Reasons]
        : Reasons;
}
