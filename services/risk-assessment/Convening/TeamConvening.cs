using Safeguard.Contracts.RiskAssessment;
using Safeguard.RiskAssessment.Assessments;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Consent;
using Safeguard.RiskAssessment.Persistence;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.Convening;

/// <summary>
/// When the multisectoral team must be convened (Rulebook Art. 17, 19) and what it is told. The event is
/// published whatever the consent: safety-plan reads the consent it carries to decide how far a plan may
/// go (Annex 3, 5), while the institutions still coordinate where life is at risk.
/// </summary>
public static class TeamConvening
{
    public const string HighRisk = "high-risk";
    public const string ProfessionalJudgement = "professional-judgement";
    public const string PoliceEmergencyMeasure = "police-emergency-measure";

    /// <summary>Art. 17: risk to life (a high level); Annex 1 §5.4: the professional says the team should act.</summary>
    public static IReadOnlyList<string> ReasonsAfter(Assessment assessment)
    {
        var reasons = new List<string>();
        if (assessment.Level == RiskLevel.High)
        {
            reasons.Add(HighRisk);
        }
        if (assessment.Says("5.4", AnswerValue.Yes))
        {
            reasons.Add(ProfessionalJudgement);
        }
        return reasons;
    }

    public static void Request(
        RiskAssessmentDbContext db, Case c, IReadOnlyList<string> reasons, Assessment? latest, ConsentSummary consent,
        string? policeReportReference, IReadOnlyList<string> emergencyMeasures, DateTimeOffset now)
    {
        c.RequestTeamConvening(now);
        db.Publish(new TeamConveningRequired(
            c.Id,
            c.Reference,
            c.CentreCode,
            reasons,
            latest?.Level.ToString().ToLowerInvariant(),
            latest?.Id,
            latest?.Model.RedFlags ?? [],
            ChildrenAtRisk: latest?.Says("5.1", AnswerValue.Yes) ?? false,
            OtherFamilyMembersAtRisk: latest?.Says("5.2", AnswerValue.Yes) ?? false,
            consent.Team,
            policeReportReference,
            emergencyMeasures,
            c.LearnedAt,
            now,
            consent.SignedAt));
    }
}
