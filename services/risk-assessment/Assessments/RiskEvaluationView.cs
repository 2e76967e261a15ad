using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.Assessments;

/// <summary>The level a set of answers leads to, with its reasons, as the assessment would record it.</summary>
public sealed record RiskEvaluationView(
    RiskLevel Level,
    RiskLevel ModelLevel,
    Confidence Confidence,
    IReadOnlyList<string> RedFlags,
    int FactorsPresent,
    int FactorsConsidered,
    int FactorsUnknown,
    RiskLevel LevelIfUnknownsPresent,
    IReadOnlyList<RiskReason> Reasons)
{
    public static RiskEvaluationView From(RiskResult model, ProfessionalJudgement.Outcome judged)
    {
        return new(judged.Level, model.Level, model.Confidence, model.RedFlags, model.FactorsPresent, model.FactorsConsidered,
            model.FactorsUnknown, model.LevelIfUnknownsPresent, model.ReasonsFor(judged.Level, judged.Reason));
    }
}
