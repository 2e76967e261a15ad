using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.Assessments;

/// <summary>An assessment as the API shows it: the answers, the model's result with its reasons, and the final level.</summary>
public sealed record AssessmentView(
    Guid Id,
    Guid CaseId,
    int Sequence,
    string InstrumentVersion,
    DateTimeOffset AssessedAt,
    string AssessedBy,
    bool? VictimInformedOfRights,
    bool ChildrenInFamily,
    RiskLevel Level,
    RiskLevel ModelLevel,
    Confidence Confidence,
    IReadOnlyList<string> RedFlags,
    int FactorsPresent,
    int FactorsConsidered,
    int FactorsUnknown,
    RiskLevel LevelIfUnknownsPresent,
    IReadOnlyList<RiskReason> Reasons,
    string? JudgementReason,
    string? Place,
    DateOnly? TeamConvenedOn,
    string? ProfessionalNotes,
    IReadOnlyDictionary<string, AnswerRecord> Answers)
{
    public static AssessmentView From(Assessment a)
    {
        return new(a.Id, a.CaseId, a.Sequence, a.InstrumentVersion, a.AssessedAt, a.AssessedBy, a.VictimInformedOfRights, a.ChildrenInFamily,
            a.Level, a.Model.Level, a.Model.Confidence, a.Model.RedFlags, a.Model.FactorsPresent, a.Model.FactorsConsidered,
            a.Model.FactorsUnknown, a.Model.LevelIfUnknownsPresent, a.Model.ReasonsFor(a.Level, a.JudgementReason), a.JudgementReason, a.Place, a.TeamConvenedOn, a.ProfessionalNotes,
            a.Answers);
    }
}

/// <summary>One step of a case's history: how the level moved from one assessment to the next.</summary>
public sealed record LevelHistoryEntry(int Sequence, Guid AssessmentId, DateTimeOffset AssessedAt, RiskLevel Level, RiskLevel? PreviousLevel, Confidence Confidence);
