namespace Safeguard.Workspace.Api;

/// <summary>One case as its page shows it (risk-assessment's case view).</summary>
public sealed record CaseDetail(
    Guid Id,
    string Reference,
    string CentreCode,
    string ReportedBy,
    DateTimeOffset LearnedAt,
    DateTimeOffset OpenedAt,
    DateTimeOffset AssessmentDueAt,
    bool AssessmentOverdue,
    string State,
    string? RiskLevel,
    int AssessmentCount,
    DateTimeOffset? TeamConveningRequestedAt,
    CaseRow.Person Victim,
    IReadOnlyList<CaseDetail.HouseholdMember> Household,
    CaseDetail.PerpetratorInfo? Perpetrator,
    CaseDetail.ConsentInfo Consent,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? ErasedAt = null,
    string? ErasureGround = null)
{
    public sealed record HouseholdMember(string FullName, string Relation, bool IsChild);

    public sealed record PerpetratorInfo(string FullName, string RelationToVictim);

    /// <param name="Status">"not-asked", "given" or "withdrawn".</param>
    /// <param name="Team">"not-asked", "given", "refused", "withdrawn" or "not-required".</param>
    public sealed record ConsentInfo(string Status, bool Required, string? Basis, string Team, DateTimeOffset? SignedAt);

    public CaseRow AsRow() => new(Id, Reference, ReportedBy, OpenedAt, AssessmentDueAt, AssessmentOverdue, State, RiskLevel, Victim);
}
