using System.ComponentModel.DataAnnotations;
using Safeguard.BuildingBlocks.Deadlines;

namespace Safeguard.SafetyPlan.Monitoring;

/// <summary>A contact with the victim or a report to the centre by a team member (Art. 21), credited to the seat the caller holds.</summary>
public sealed class MemberEntryRequest
{

    [Required]
    public DateTimeOffset? At { get; init; }

    [Required, StringLength(4000, MinimumLength = 2)]
    public string? Summary { get; init; }
}

/// <summary>The team's evaluation of the plan's effects (Art. 21: at least weekly).</summary>
public sealed class EvaluationRequest
{
    [Required]
    public DateTimeOffset? At { get; init; }

    [Required, StringLength(4000, MinimumLength = 2)]
    public string? Summary { get; init; }
}

public sealed class AdoptPlanRequest
{
    [Required]
    public DateTimeOffset? AdoptedAt { get; init; }
}

public sealed record MonitoringEntryView(Guid Id, MonitoringKind Kind, Guid? MembershipId, string? Member, DateTimeOffset At, string Summary, DateTimeOffset RecordedAt);

public sealed record PlanClockView(Guid PlanId, string CaseReference, string CentreCode, ClockKind Clock, string? Owner, DateTimeOffset DueFrom, DateTimeOffset DeadlineAt, ClockStatus Status);
