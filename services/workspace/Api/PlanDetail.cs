namespace Safeguard.Workspace.Api;

/// <summary>A safety plan (Annex 5) as its pages show it: its measures and its monitoring clocks (safety-plan's plan view).</summary>
public sealed record PlanDetail(
    Guid Id,
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    Guid? TeamId,
    string State,
    DateTimeOffset ConvenedAt,
    IReadOnlyList<string> ConvenedFor,
    string? RiskLevel,
    IReadOnlyList<string> RedFlags,
    DateTimeOffset? AdoptedAt,
    IReadOnlyList<PlanDetail.Measure> Measures,
    IReadOnlyList<PlanDetail.Clock> Clocks)
{
    /// <summary>The caller's own seat on the plan's team (a team member's), which owns her clocks; null for the centre.</summary>
    public Guid? CallerSeatId { get; init; }

    /// <summary>Whether a clock is the caller's own duty.</summary>
    public bool IsMine(Clock clock) => CallerSeatId is { } seat && clock.OwnerMembershipId == seat;

    /// <summary>Her own duties first, then everyone's by deadline: what she must do, and by when.</summary>
    public IEnumerable<Clock> ClocksForCaller => Clocks.OrderByDescending(IsMine).ThenBy(c => c.DeadlineAt);

    public sealed record Measure(Guid Id, int Number, string Code, string Article, string Description, string? Frequency,
        string ResponsibleInstitution, string? ResponsibleName, bool SuspendedForConsent, string Status);

    /// <param name="Kind">"first-contact", "member-contact", "daily-report", "weekly-evaluation", "reconvene", "custody".</param>
    /// <param name="Status">"pending", "due" or "overdue", as safety-plan computes it from the record.</param>
    public sealed record Clock(
        [property: System.Text.Json.Serialization.JsonPropertyName("clock")] string Kind, Guid? OwnerMembershipId, string? Owner, DateTimeOffset DueFrom, DateTimeOffset DeadlineAt, string Status)
    {
        public ClockLight Light => Status switch
        {
            "overdue" => ClockLight.Overdue,
            "due" => ClockLight.Due,
            _ => ClockLight.Running,
        };
    }
}

/// <summary>A plan's clock that is due or overdue, as the centre's list of them gives it (safety-plan's clocks).</summary>
public sealed record CentreClock(Guid PlanId, string CaseReference, [property: System.Text.Json.Serialization.JsonPropertyName("clock")] string Kind,
    string? Owner, DateTimeOffset DueFrom, DateTimeOffset DeadlineAt, string Status)
{
    public ClockLight Light => Status == "overdue" ? ClockLight.Overdue : ClockLight.Due;
}
