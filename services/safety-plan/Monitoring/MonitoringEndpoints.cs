using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Monitoring;

/// <summary>The monitoring sheet (Annex 6) and the clocks it drives (Art. 15, 21).</summary>
public static class MonitoringEndpoints
{
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var prefix = SafetyPlanService.Description.ApiPrefix;
        // Art. 21: each member records her contacts and reports; the team evaluates together.
        var plan = app.MapGroup(prefix + "/plans/{planId:guid}").WithTags("Monitoring")
            .AllowRoles(PlatformRoles.CsrAndTeam).GuardRecord(PlanAccessRules.Plan, "planId");
        plan.MapPost("/contacts", (Guid planId, MemberEntryRequest r, HttpContext h, SafetyPlanDbContext db, TimeProvider t, CancellationToken ct) =>
                RecordMemberEntryAsync(planId, MonitoringKind.Contact, r, h, db, t, ct))
            .WithName("RecordContact").WithSummary("A member contacted the victim (Art. 21: at least every 48 hours)")
            .Produces<MonitoringEntryView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        plan.MapPost("/reports", (Guid planId, MemberEntryRequest r, HttpContext h, SafetyPlanDbContext db, TimeProvider t, CancellationToken ct) =>
                RecordMemberEntryAsync(planId, MonitoringKind.Report, r, h, db, t, ct))
            .WithName("RecordReport").WithSummary("A member reported to the centre (Art. 21: once per working day)")
            .Produces<MonitoringEntryView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        plan.MapPost("/evaluations", RecordEvaluationAsync)
            .WithName("RecordEvaluation").WithSummary("The team evaluated the plan's effects (Art. 21: at least weekly)")
            .Produces<MonitoringEntryView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        plan.MapGet("/monitoring", SheetAsync).WithName("GetMonitoringSheet").WithSummary("The monitoring sheet, in order (Annex 6)")
            .Produces<MonitoringEntryView[]>();
        app.MapGet(prefix + "/clocks", DueAsync).WithTags("Monitoring").WithName("ListClocks")
            .WithSummary("Due and overdue clocks of adopted plans, soonest first (status=due|overdue; all when omitted)")
            .Produces<PlanClockView[]>().AllowRoles(PlatformRoles.Csr);
        return app;
    }

    private static async Task<IResult> RecordMemberEntryAsync(
        Guid planId, MonitoringKind kind, MemberEntryRequest request, HttpContext http, SafetyPlanDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (plan, refusal) = await LoadAdoptedAsync(db, planId, request.At!.Value, time, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        // Issue 22 §4: a contact or report is the signed-in member's own, credited to the seat her account holds.
        var seat = await TeamQueries.SeatOfAsync(db, plan!.TeamId, http.Caller().Subject, cancellationToken);
        if (seat is null)
        {
            return NoSeat();
        }
        return await SaveAsync(db, MonitoringEntry.Record(planId, kind, seat.Id, request.At.Value, request.Summary!.Trim(), time.GetUtcNow()), seat, cancellationToken);
    }

    private static async Task<IResult> RecordEvaluationAsync(
        Guid planId, EvaluationRequest request, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (_, refusal) = await LoadAdoptedAsync(db, planId, request.At!.Value, time, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        return await SaveAsync(db, MonitoringEntry.Record(planId, MonitoringKind.Evaluation, null, request.At.Value, request.Summary!.Trim(), time.GetUtcNow()), null, cancellationToken);
    }

    private static async Task<(Plans.SafetyPlan? Plan, IResult? Refusal)> LoadAdoptedAsync(
        SafetyPlanDbContext db, Guid planId, DateTimeOffset at, TimeProvider time, CancellationToken cancellationToken)
    {
        var plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return (null, Problems.NotFound("There is no such safety plan."));
        }
        if (plan.State != PlanState.Adopted)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The plan is not adopted.",
                detail: "Contacts, reports and evaluations are recorded on an adopted plan (Art. 21).",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["state"] = [KebabCaseEnum.Name(plan.State)] } }));
        }
        if (at > time.GetUtcNow() + AllowedClockSkew)
        {
            return (null, Problems.Invalid("at", "It cannot have happened in the future."));
        }
        if (at < plan.AdoptedAt)
        {
            return (null, Problems.Invalid("at", "It cannot have happened before the plan was adopted."));
        }
        return (plan, null);
    }

    private static async Task<IResult> SaveAsync(SafetyPlanDbContext db, MonitoringEntry entry, TeamMembership? seat, CancellationToken cancellationToken)
    {
        db.MonitoringEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{SafetyPlanService.Description.ApiPrefix}/plans/{entry.PlanId}/monitoring", View(entry, seat?.Person.FullName));
    }

    private static async Task<IResult> SheetAsync(Guid planId, SafetyPlanDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.SafetyPlans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return Problems.NotFound("There is no such safety plan.");
        }
        var entries = await db.MonitoringEntries.AsNoTracking().Where(e => e.PlanId == planId).OrderBy(e => e.At).ToListAsync(cancellationToken);
        var seatIds = entries.Where(e => e.MembershipId != null).Select(e => e.MembershipId!.Value).Distinct().ToList();
        var names = await db.TeamMemberships.AsNoTracking().Where(m => seatIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Person.FullName, cancellationToken);
        return TypedResults.Ok(entries.Select(e => View(e, e.MembershipId is { } id ? names.GetValueOrDefault(id) : null)).ToArray());
    }

    private static async Task<IResult> DueAsync(string? centre, string? status, HttpContext http, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        (centre, var refused) = InstitutionScope.Own(http, centre, "centre");
        if (refused is not null)
        {
            return refused;
        }
        ClockStatus? wanted = null;
        if (status is not null)
        {
            if (!KebabCaseEnum.TryParse<ClockStatus>(status, out var parsed) || parsed == ClockStatus.Pending)
            {
                return Problems.Invalid("status", "One of due, overdue.");
            }
            wanted = parsed;
        }
        var now = time.GetUtcNow();
        var plans = await db.SafetyPlans.AsNoTracking()
            .Where(p => p.State != PlanState.Closed && (centre == null || p.CentreCode == centre)).ToListAsync(cancellationToken);
        var clocks = (await PlanRecord.LoadManyAsync(db, plans, cancellationToken))
            .SelectMany(r => r.Clocks(now)
                .Where(c => wanted is null ? c.Status != ClockStatus.Pending : c.Status == wanted)
                .Select(c => new PlanClockView(r.Plan.Id, r.Plan.CaseReference, r.Plan.CentreCode, c.Clock, c.Owner, c.DueFrom, c.DeadlineAt, c.Status)));
        return TypedResults.Ok(clocks.OrderBy(c => c.DeadlineAt).ToArray());
    }

    /// <summary>The caller holds no seat on the plan's team: what a member does is hers alone to record.</summary>
    internal static IResult NoSeat() => Problems.Forbidden("seat",
        "You hold no seat on this plan's team: a member records her own contacts, reports and changes, after accepting her seat's invitation.");

    private static MonitoringEntryView View(MonitoringEntry e, string? member) => new(e.Id, e.Kind, e.MembershipId, member, e.At, e.Summary, e.RecordedAt);

}
