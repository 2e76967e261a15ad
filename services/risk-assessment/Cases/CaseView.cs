using Safeguard.BuildingBlocks.Privacy;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>A case as the API shows it, with its clocks computed at the time of reading.</summary>
public sealed record CaseView(
    Guid Id,
    string Reference,
    string CentreCode,
    ReportSource ReportedBy,
    DateTimeOffset LearnedAt,
    DateTimeOffset OpenedAt,
    DateTimeOffset AssessmentDueAt,
    bool AssessmentOverdue,
    CaseState State,
    RiskLevel? RiskLevel,
    int AssessmentCount,
    DateTimeOffset? FirstAssessedAt,
    DateTimeOffset? TeamConveningRequestedAt,
    Victim Victim,
    IReadOnlyList<HouseholdMember> Household,
    Perpetrator? Perpetrator,
    ConsentSummary Consent,
    DateTimeOffset? ClosedAt,
    string? ClosureReason,
    DateTimeOffset? ErasedAt,
    ErasureGround? ErasureGround,
    uint Version)
{
    public static CaseView From(Case c, DateTimeOffset now, ConsentSummary consent) => new(
        c.Id, c.Reference, c.CentreCode, c.ReportedBy, c.LearnedAt, c.OpenedAt, c.AssessmentDueAt,
        c.IsAssessmentOverdue(now), c.State, c.RiskLevel, c.AssessmentCount, c.FirstAssessedAt, c.TeamConveningRequestedAt,
        c.Victim, c.Household, c.Perpetrator, consent, c.ClosedAt, c.ClosureReason, c.ErasedAt, c.ErasureGround, c.Version);
}

/// <summary>Where the victim's consent stands (Annex 2; Art. 11, 22).</summary>
/// <param name="Status">"not-asked", "given" or "withdrawn".</param>
/// <param name="Required">False for a child or a person with limited legal capacity (Art. 22(2)).</param>
/// <param name="Basis">Why protection may proceed without consent, when it may.</param>
/// <param name="Team">Her separate consent to the team and the safety plan (Annex 2 §3): "not-asked", "given", "refused", "withdrawn" or "not-required".</param>
/// <param name="SignedAt">When the form or withdrawal that decides it was signed.</param>
/// <param name="PendingTasks">What the professional must still do about her consent (Art. 22).</param>
public sealed record ConsentSummary(string Status, bool Required, string? Basis, bool ConsentToTeamAndSafetyPlan, IReadOnlyList<string> ConsentedMeasures,
    string Team, DateTimeOffset? SignedAt, IReadOnlyList<Consent.PendingTask> PendingTasks);
