namespace Safeguard.SafetyPlan.Kpis;

/// <summary>A case of the centre reported in the period, as risk-assessment announced it, with its plan if it has one.</summary>
/// <param name="Assessments">Its risk assessments in order (RiskAssessed).</param>
public sealed record CaseFacts(Guid CaseId, DateTimeOffset LearnedAt, DateTimeOffset AssessmentDueAt, IReadOnlyList<AssessmentFact> Assessments,
    DateTimeOffset? PlanAdoptedAt);

public sealed record AssessmentFact(int Sequence, string Level, DateTimeOffset AssessedAt);

/// <summary>A plan of the centre closed in the period.</summary>
/// <param name="ByTeam">Closed on the team's decision that the risk has ceased (Art. 21), not with its case before the team met.</param>
public sealed record ClosedPlanFacts(DateTimeOffset OpenedAt, DateTimeOffset ClosedAt, bool ByTeam);
