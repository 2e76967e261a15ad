namespace Safeguard.RiskAssessment.Cases;

/// <summary>A case as the API shows it.</summary>
public sealed record CaseView(
    Guid Id,
    string Reference,
    string CentreCode,
    ReportSource ReportedBy,
    DateTimeOffset LearnedAt,
    DateTimeOffset OpenedAt,
    DateTimeOffset AssessmentDueAt)
{
    public static CaseView From(Case c) =>
        new(c.Id, c.Reference, c.CentreCode, c.ReportedBy, c.LearnedAt, c.OpenedAt, c.AssessmentDueAt);
}
