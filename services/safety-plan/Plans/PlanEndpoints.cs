using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Plans;

public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup(SafetyPlanService.Description.ApiPrefix + "/plans").WithTags("Safety plans")
            .AllowRoles(PlatformRoles.CsrAndTeam);
        plans.MapGet("/", ListAsync).WithName("ListPlans").WithSummary("Safety plans the caller reaches (her centre's, or her teams'), newest first, by state").Produces<PlanView[]>()
            .AuditCollection(PlanAccessRules.Plan);
        plans.MapGet("/{id:guid}", GetAsync).WithName("GetPlan").WithSummary("A safety plan with its measures (Annex 5)")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound).GuardRecord(PlanAccessRules.Plan);
        plans.MapGet("/by-case/{caseId:guid}", GetByCaseAsync).WithName("GetPlanOfCase").WithSummary("The safety plan of a risk-assessment case")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound).GuardRecord(PlanAccessRules.PlanOfCase, "caseId");
        return app;
    }

    private static async Task<IResult> ListAsync(string? centre, string? state, HttpContext http, PlanAccessRules access, SafetyPlanDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        // A CSR worker lists her centre's plans; a team member the plans of the teams she sits in now.
        var asCentre = caller.IsAny(PlatformRoles.Csr);
        if (asCentre)
        {
            (centre, var refused) = InstitutionScope.Own(http, centre, "centre");
            if (refused is not null)
            {
                return refused;
            }
        }
        var myTeams = access.TeamsOf(caller);
        PlanState? stateFilter = null;
        if (state is not null)
        {
            if (!KebabCaseEnum.TryParse<PlanState>(state, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"Unknown state; one of {KebabCaseEnum.Names<PlanState>()}."] });
            }
            stateFilter = parsed;
        }
        var plans = await db.SafetyPlans.AsNoTracking()
            .Where(p => (asCentre ? p.CentreCode == centre : p.TeamId != null && myTeams.Contains(p.TeamId.Value)) && (stateFilter == null || p.State == stateFilter))
            .OrderByDescending(p => p.ConvenedAt).Take(200).ToListAsync(cancellationToken);
        var mySeats = await Teams.TeamQueries.SeatsOfAsync(db, caller.Subject, cancellationToken);
        var views = new List<PlanView>();
        foreach (var plan in plans)
        {
            var seat = mySeats.FirstOrDefault(s => s.TeamId == plan.TeamId);
            views.Add(await ViewAsync(db, plan, time.GetUtcNow(), cancellationToken) with { CallerSeatId = seat?.Id });
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, SafetyPlanDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken) =>
        await RespondAsync(db, await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken), time, http, cancellationToken);

    private static async Task<IResult> GetByCaseAsync(Guid caseId, SafetyPlanDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken) =>
        await RespondAsync(db, await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken), time, http, cancellationToken);

    private static async Task<IResult> RespondAsync(SafetyPlanDbContext db, SafetyPlan? plan, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (plan is null)
        {
            return Problems.NotFound("There is no such safety plan.");
        }
        http.Response.SetETag(plan.Version);
        return TypedResults.Ok(await ViewForCallerAsync(db, plan, time.GetUtcNow(), http, cancellationToken));
    }

    /// <summary>The plan as its caller reads it: with the seat she holds on its team, so she finds her own duties.</summary>
    public static async Task<PlanView> ViewForCallerAsync(SafetyPlanDbContext db, SafetyPlan plan, DateTimeOffset now, HttpContext http,
        CancellationToken cancellationToken)
    {
        var seat = await Teams.TeamQueries.SeatOfAsync(db, plan.TeamId, http.Caller().Subject, cancellationToken);
        return await ViewAsync(db, plan, now, cancellationToken) with { CallerSeatId = seat?.Id };
    }

    private static async Task<PlanView> ViewAsync(SafetyPlanDbContext db, SafetyPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = await Monitoring.PlanRecord.LoadAsync(db, plan, cancellationToken);
        var seatIds = record.Measures.Where(m => m.ResponsibleMembershipId != null).Select(m => m.ResponsibleMembershipId!.Value).Distinct().ToList();
        var seats = await db.TeamMemberships.AsNoTracking().Where(s => seatIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return PlanView.From(plan, record.Measures, seats, record.Clocks(now));
    }
}
