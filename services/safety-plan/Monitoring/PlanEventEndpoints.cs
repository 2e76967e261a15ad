using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Monitoring;

/// <summary>New or increased risk reported by a member or the victim (Art. 21); a member's alert is credited to the seat the caller holds.</summary>
public sealed class RiskAlertRequest
{
    /// <summary>"member" or "victim".</summary>
    [Required, RegularExpression("^(member|victim)$", ErrorMessage = "Reported by member or victim.")]
    public string? ReportedBy { get; init; }

    [Required]
    public DateTimeOffset? At { get; init; }

    /// <summary>What is new (kept in the plan's sheet; never sent in a notice).</summary>
    [Required, StringLength(4000, MinimumLength = 2)]
    public string? Summary { get; init; }
}

/// <summary>A measure's new status, recorded by the member whose seat the caller holds.</summary>
public sealed class MeasureStatusRequest
{
    [Required]
    public MeasureStatus? Status { get; init; }

    [Required]
    public DateTimeOffset? At { get; init; }

    [Required, StringLength(2000, MinimumLength = 2)]
    public string? Note { get; init; }
}

/// <summary>
/// Risk alerts, team meetings and measure status changes: lines of the monitoring sheet (Annex 6) that move
/// the clocks (Art. 21, 31). A risk alert convenes the team again at once and tells every member and deputy.
/// </summary>
public static class PlanEventEndpoints
{
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapPlanEventEndpoints(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup(SafetyPlanService.Description.ApiPrefix + "/plans/{planId:guid}").WithTags("Monitoring").GuardRecord(PlanAccessRules.Plan, "planId");
        plan.MapPost("/risk-alerts", RiskAlertAsync).AllowRoles(PlatformRoles.CsrAndTeam).WithName("RaiseRiskAlert")
            .WithSummary("New or increased risk from a member or the victim: the team reconvenes at once (Art. 21)")
            .Produces<MonitoringEntryView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        plan.MapPost("/meetings", MeetingAsync).AllowRoles(PlatformRoles.Csr).WithName("RecordMeeting").WithSummary("The team met (reconvened)")
            .Produces<MonitoringEntryView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        plan.MapPost("/measures/{measureId:guid}/status", MeasureStatusAsync).AllowRoles(PlatformRoles.CsrAndTeam).WithName("ChangeMeasureStatus")
            .WithSummary("Record a measure's new status (Annex 6)")
            .Produces<MonitoringEntryView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> RiskAlertAsync(Guid planId, RiskAlertRequest request, HttpContext http, SafetyPlanDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (plan, refusal) = await LoadLiveAsync(db, planId, request.At!.Value, time, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        // Issue 22 §4: a member's alert is the caller's own; the victim's call may be taken by any worker of the
        // case, and is credited to her seat when she holds one.
        var seat = await TeamQueries.SeatOfAsync(db, plan!.TeamId, http.Caller().Subject, cancellationToken);
        if (request.ReportedBy == "member" && seat is null)
        {
            return MonitoringEndpoints.NoSeat();
        }
        var now = time.GetUtcNow();
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var entry = MonitoringEntry.Record(planId, MonitoringKind.RiskAlert, seat?.Id, request.At.Value,
            $"Reported by the {request.ReportedBy}: {request.Summary!.Trim()}", now);
        db.MonitoringEntries.Add(entry);
        await TeamNotices.PublishConvenedAsync(db, plan!, ["new-risk"], reconvened: true, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Created(entry, seat);
    }

    private static async Task<IResult> MeetingAsync(Guid planId, EvaluationRequest request, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (_, refusal) = await LoadLiveAsync(db, planId, request.At!.Value, time, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var entry = MonitoringEntry.Record(planId, MonitoringKind.Meeting, null, request.At.Value, request.Summary!.Trim(), time.GetUtcNow());
        db.MonitoringEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return Created(entry, null);
    }

    private static async Task<IResult> MeasureStatusAsync(
        Guid planId, Guid measureId, MeasureStatusRequest request, HttpContext http, SafetyPlanDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (plan, refusal) = await LoadLiveAsync(db, planId, request.At!.Value, time, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var measure = await db.PlanMeasures.SingleOrDefaultAsync(m => m.Id == measureId && m.PlanId == planId, cancellationToken);
        if (measure is null)
        {
            return Problems.NotFound("The plan has no such measure.");
        }
        var seat = await TeamQueries.SeatOfAsync(db, plan!.TeamId, http.Caller().Subject, cancellationToken);
        if (seat is null)
        {
            return MonitoringEndpoints.NoSeat();
        }
        measure.ChangeStatus(request.Status!.Value);
        var entry = MonitoringEntry.Record(planId, MonitoringKind.MeasureStatus, seat.Id, request.At.Value,
            $"Measure {measure.Number} ({measure.Code}): {KebabCaseEnum.Name(request.Status.Value)}. {request.Note!.Trim()}", time.GetUtcNow());
        db.MonitoringEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return Created(entry, seat);
    }

    private static async Task<(Plans.SafetyPlan? Plan, IResult? Refusal)> LoadLiveAsync(
        SafetyPlanDbContext db, Guid planId, DateTimeOffset at, TimeProvider time, CancellationToken cancellationToken)
    {
        var plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return (null, Problems.NotFound("There is no such safety plan."));
        }
        if (plan.State == PlanState.Closed)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The plan is closed.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["state"] = ["closed"] } }));
        }
        if (at > time.GetUtcNow() + AllowedClockSkew)
        {
            return (null, Problems.Invalid("at", "It cannot have happened in the future."));
        }
        return (plan, null);
    }

    private static IResult Created(MonitoringEntry entry, TeamMembership? seat) => TypedResults.Created(
        $"{SafetyPlanService.Description.ApiPrefix}/plans/{entry.PlanId}/monitoring",
        new MonitoringEntryView(entry.Id, entry.Kind, entry.MembershipId, seat?.Person.FullName, entry.At, entry.Summary, entry.RecordedAt));

}
