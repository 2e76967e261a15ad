using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Plans;

public sealed record MeasureView(
    Guid Id, int Number, string Code, string Article, string Description, string? Frequency, DateOnly? StartDate, int? DurationDays,
    InstitutionKind ResponsibleInstitution, string? ResponsibleName, bool RequiresConsent, bool SuspendedForConsent, MeasureStatus Status,
    DateTimeOffset? DueAgainSince, DateOnly? ReassessOn);

public sealed record PlanView(
    Guid Id, Guid CaseId, string CaseReference, string CentreCode, Guid? TeamId, PlanState State, DateTimeOffset ConvenedAt,
    IReadOnlyList<string> ConvenedFor, string? RiskLevel, IReadOnlyList<string> RedFlags, bool ChildrenAtRisk, bool OtherFamilyMembersAtRisk,
    string VictimConsent, string? PoliceReportReference, IReadOnlyList<string> EmergencyMeasures, DateTimeOffset? LastReconvenedAt,
    DateTimeOffset? AdoptedAt, DateTimeOffset? LastAssessedAt, string? LastAssessedLevel, DateTimeOffset? ClosedAt, string? ClosingEvaluation,
    IReadOnlyList<string> ClosingParticipants, IReadOnlyList<MeasureView> Measures, IReadOnlyList<Monitoring.ClockState> Clocks, uint Version)
{
    /// <summary>
    /// The seat the caller holds on the plan's team, when she reads the plan: a member finds her own duties among the
    /// clocks by it (a clock's owner is a seat). Null for the centre's workers without a seat.
    /// </summary>
    public Guid? CallerSeatId { get; init; }

    public static PlanView From(SafetyPlan p, IEnumerable<PlanMeasure> measures, IReadOnlyDictionary<Guid, TeamMembership> seats,
        IReadOnlyList<Monitoring.ClockState> clocks) => new(
        p.Id, p.CaseId, p.CaseReference, p.CentreCode, p.TeamId, p.State, p.ConvenedAt, p.ConvenedFor, p.RiskLevel, p.RedFlags,
        p.ChildrenAtRisk, p.OtherFamilyMembersAtRisk, p.VictimConsent, p.PoliceReportReference, p.EmergencyMeasures, p.LastReconvenedAt,
        p.AdoptedAt, p.LastAssessedAt, p.LastAssessedLevel, p.ClosedAt, p.ClosingEvaluation, p.ClosingParticipants,
        measures.OrderBy(m => m.Number).Select(m => new MeasureView(m.Id, m.Number, m.Code, m.Article, m.Description, m.Frequency, m.StartDate,
            m.DurationDays, m.ResponsibleInstitution,
            m.ResponsibleMembershipId is { } id && seats.TryGetValue(id, out var seat) ? seat.Person.FullName : null,
            m.RequiresConsent,
            // Art. 11, 22: what needs her consent waits without it (never for a child or limited capacity).
            SuspendedForConsent: m.RequiresConsent && !p.ConsentAllowsVictimMeasures,
            m.Status, m.DueAgainSince, m.ReassessOn)).ToList(),
        clocks,
        p.Version);
}
