using Safeguard.BuildingBlocks.Domain;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.Assessments;

/// <summary>
/// Annex 1 §5: the professional judges the risk too. She may raise the model's level, with a reason a
/// colleague can follow; she may never lower it, since the model's level rests on the answers she gave.
/// </summary>
public static class ProfessionalJudgement
{
    /// <summary>A raised level needs a reason a colleague can follow, not a token word.</summary>
    public const int MinimumReasonLength = 10;

    public sealed record Outcome(RiskLevel Level, string? Reason);

    /// <summary>The level the assessment records, or the rule the judgement breaks.</summary>
    public static (Outcome? Outcome, RuleBroken? Broken) Apply(RiskLevel modelLevel, RiskLevel? judgedLevel, string? reason)
    {
        if (judgedLevel is not { } judged || judged == modelLevel)
        {
            return (new Outcome(modelLevel, null), null);
        }
        if (judged < modelLevel)
        {
            return (null, RuleBroken.Invalid("judgement.level",
                $"The level cannot be lowered below the model's {modelLevel.ToString().ToLowerInvariant()}: a professional may raise it, never lower it."));
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinimumReasonLength)
        {
            return (null, RuleBroken.Invalid("judgement.reason", $"Raising the level needs a written reason of at least {MinimumReasonLength} characters."));
        }
        return (new Outcome(judged, reason.Trim()), null);
    }
}
