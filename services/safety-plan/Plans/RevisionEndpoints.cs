using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.SafetyPlan;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Monitoring;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Teams;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>A row for the measures table (Annex 3, 5): measure, frequency, start and duration, responsible member.</summary>
public sealed class AddMeasureRequest
{
    /// <summary>A catalogue code (Art. 15, 23-31) or "other" with a description.</summary>
    [Required, StringLength(60)]
    public string? Code { get; init; }

    [StringLength(1000)]
    public string? Description { get; init; }

    [StringLength(100)]
    public string? Frequency { get; init; }

    public DateOnly? StartDate { get; init; }

    [Range(1, 3650)]
    public int? DurationDays { get; init; }

    /// <summary>Annex 5 §4: when the team reassesses the measure.</summary>
    public DateOnly? ReassessOn { get; init; }

    /// <summary>The responsible member's seat in the plan's team.</summary>
    [Required]
    public Guid? MembershipId { get; init; }
}

/// <summary>The team's closing evaluation (Annex 3 and 5: effects and duration, decision).</summary>
public sealed class ClosePlanRequest
{
    [Required]
    public DateTimeOffset? At { get; init; }

    [Required, StringLength(2000, MinimumLength = 2)]
    public string? Effects { get; init; }

    [Required, StringLength(2000, MinimumLength = 2)]
    public string? Decision { get; init; }

    /// <summary>Art. 21: the team's decision that the risk has ceased for her and her family. Must be true.</summary>
    [Required]
    public bool? RiskCeased { get; init; }

    /// <summary>Annex 5 §5: the team members who took part in the decision.</summary>
    [Required, MinLength(1), MaxLength(30)]
    public string[]? Participants { get; init; }
}

/// <summary>The victim changed her residence or stay (Art. 28).</summary>
public sealed class MoveRequest
{
    [Required]
    public DateTimeOffset? MovedAt { get; init; }
}

/// <summary>Revising a plan (Art. 16, 20, 28) and closing it (Art. 21). All need the plan's ETag in If-Match.</summary>
public static class RevisionEndpoints
{
    public static IEndpointRouteBuilder MapRevisionEndpoints(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup(SafetyPlanService.Description.ApiPrefix + "/plans/{planId:guid}").WithTags("Safety plans")
            // Revising and closing the plan is the centre's act (Art. 18, 21).
            .AllowRoles(PlatformRoles.Csr).GuardRecord(PlanAccessRules.Plan, "planId");
        plan.MapPost("/measures", AddMeasureAsync).WithName("AddMeasure").WithSummary("Add a measure with its responsible member (If-Match)")
            .Produces<PlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        plan.MapPost("/moves", RecordMoveAsync).WithName("RecordMove")
            .WithSummary("She changed her residence or stay: the child's schooling help and school notice are due again (Art. 28; If-Match)")
            .Produces<PlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        plan.MapPost("/closure", CloseAsync).WithName("ClosePlan")
            .WithSummary("Close the plan: only after a reassessment, later than the last risk alert, finds the risk has ended (Art. 21; If-Match)")
            .Produces<PlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    private static async Task<IResult> AddMeasureAsync(
        Guid planId, AddMeasureRequest request, HttpRequest http, HttpResponse response, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        CatalogueMeasure? catalogued = null;
        if (request.Code != MeasureCatalogue.FreeMeasure && !MeasureCatalogue.TryGet(request.Code!, out catalogued))
        {
            return Problems.Invalid("code", $"Unknown measure; a code of Art. 15 or 23-31 ({string.Join(", ", MeasureCatalogue.All.Select(m => m.Code))}) or \"other\".");
        }
        if (catalogued is null && string.IsNullOrWhiteSpace(request.Description))
        {
            return Problems.Invalid("description", "A measure of the team's own (\"other\") needs a description.");
        }

        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (plan, refusal) = await LockAsync(db, planId, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var seat = await db.TeamMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MembershipId, cancellationToken);
        if (seat is null || seat.TeamId != plan!.TeamId || !seat.IsCurrent)
        {
            return Problems.Invalid("membershipId", "The responsible person must be a current member of this plan's team.");
        }

        var now = time.GetUtcNow();
        var number = (await db.PlanMeasures.Where(m => m.PlanId == planId).MaxAsync(m => (int?)m.Number, cancellationToken) ?? 0) + 1;
        var measure = PlanMeasure.Add(planId, number, catalogued, request.Description?.Trim(), seat.Institution, seat.Id, request.Frequency?.Trim(),
            request.StartDate, request.DurationDays, now, request.ReassessOn);
        db.PlanMeasures.Add(measure);
        plan.NoteRevision(now);
        if (plan.State == PlanState.Adopted)
        {
            var recipients = await TeamQueries.RecipientsAsync(db, plan.TeamId, cancellationToken);
            db.Publish(new SafetyPlanRevised(plan.Id, plan.CaseReference, plan.CentreCode, $"measure {number} added: {measure.Code}", recipients, now));
            db.Publish(new MeasureAssigned(plan.Id, plan.CaseReference, measure.Id, measure.Code, measure.Article, measure.Frequency,
                TeamQueries.Recipient(seat), now));
        }
        return await SaveAsync(db, plan, response, time, cancellationToken);
    }

    private static async Task<IResult> RecordMoveAsync(
        Guid planId, MoveRequest request, HttpRequest http, HttpResponse response, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (plan, refusal) = await LockAsync(db, planId, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var measures = await db.PlanMeasures.Where(m => m.PlanId == planId).ToListAsync(cancellationToken);
        var seats = plan!.TeamId is { } teamId ? await TeamQueries.CurrentMembershipsAsync(db, teamId, cancellationToken) : [];
        var (dueAgain, broken) = ChildSchooling.OnMove(plan, measures, seats, request.MovedAt!.Value, now);
        if (broken is not null)
        {
            return Problems.For(broken);
        }
        db.PlanMeasures.AddRange(dueAgain.Where(m => !measures.Contains(m)));
        if (plan.State == PlanState.Adopted)
        {
            var recipients = await TeamQueries.RecipientsAsync(db, plan.TeamId, cancellationToken);
            db.Publish(new SafetyPlanRevised(plan.Id, plan.CaseReference, plan.CentreCode,
                $"she moved: measure(s) {string.Join(", ", dueAgain.Select(m => m.Number))} due again (Art. 28)", recipients, now));
            foreach (var measure in dueAgain)
            {
                if (seats.FirstOrDefault(s => s.Id == measure.ResponsibleMembershipId) is { } seat)
                {
                    db.Publish(new MeasureAssigned(plan.Id, plan.CaseReference, measure.Id, measure.Code, measure.Article, measure.Frequency,
                        TeamQueries.Recipient(seat), now));
                }
            }
        }
        return await SaveAsync(db, plan, response, time, cancellationToken);
    }

    private static async Task<IResult> CloseAsync(
        Guid planId, ClosePlanRequest request, HttpRequest http, HttpResponse response, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request.At > now + TimeSpan.FromMinutes(5))
        {
            return Problems.Invalid("at", "A plan cannot be closed in the future.");
        }
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (plan, refusal) = await LockAsync(db, planId, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var lastAlert = await db.MonitoringEntries.Where(e => e.PlanId == planId && e.Kind == MonitoringKind.RiskAlert)
            .MaxAsync(e => (DateTimeOffset?)e.At, cancellationToken);
        if (plan!.Close(request.At!.Value, request.Effects!, request.Decision!, request.RiskCeased!.Value, request.Participants!, lastAlert) is { } broken)
        {
            return Problems.For(broken);
        }
        var recipients = await TeamQueries.RecipientsAsync(db, plan.TeamId, cancellationToken);
        db.Publish(new SafetyPlanClosed(plan.Id, plan.CaseId, plan.CaseReference, plan.CentreCode, request.At.Value, recipients, now));
        db.MonitoringEntries.Add(MonitoringEntry.Record(planId, MonitoringKind.Evaluation, null, request.At.Value, plan.ClosingEvaluation!, now));
        return await SaveAsync(db, plan, response, time, cancellationToken);
    }

    private static async Task<(Plans.SafetyPlan? Plan, IResult? Refusal)> LockAsync(SafetyPlanDbContext db, Guid planId, HttpRequest http, CancellationToken cancellationToken)
    {
        var plan = (await db.SafetyPlans.FromSql($"SELECT *, xmin FROM safety_plans WHERE id = {planId} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
        if (plan is null)
        {
            return (null, Problems.NotFound("There is no such safety plan."));
        }
        if (http.CheckIfMatch(plan.Version) is { } refused)
        {
            return (null, refused);
        }
        if (plan.State == PlanState.Closed)
        {
            return (null, Problems.Conflict("state", "The plan is closed."));
        }
        return (plan, null);
    }

    private static async Task<IResult> SaveAsync(SafetyPlanDbContext db, Plans.SafetyPlan plan, HttpResponse response, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(plan.Version);
        return TypedResults.Ok(await PlanEndpoints.ViewForCallerAsync(db, plan, time.GetUtcNow(), response.HttpContext, cancellationToken));
    }


}
