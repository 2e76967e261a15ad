using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Plans;

public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup(SafetyPlanService.Description.ApiPrefix + "/plans").WithTags("Safety plans");
        plans.MapGet("/", ListAsync).WithName("ListPlans").WithSummary("Safety plans, newest first, by centre and state").Produces<PlanView[]>();
        plans.MapGet("/{id:guid}", GetAsync).WithName("GetPlan").WithSummary("A safety plan with its measures (Annex 5)")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/by-case/{caseId:guid}", GetByCaseAsync).WithName("GetPlanOfCase").WithSummary("The safety plan of a risk-assessment case")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(string? centre, string? state, SafetyPlanDbContext db, CancellationToken cancellationToken)
    {
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
            .Where(p => (centre == null || p.CentreCode == centre) && (stateFilter == null || p.State == stateFilter))
            .OrderByDescending(p => p.ConvenedAt).Take(200).ToListAsync(cancellationToken);
        var views = new List<PlanView>();
        foreach (var plan in plans)
        {
            views.Add(await ViewAsync(db, plan, cancellationToken));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, SafetyPlanDbContext db, HttpResponse response, CancellationToken cancellationToken) =>
        await RespondAsync(db, await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken), response, cancellationToken);

    private static async Task<IResult> GetByCaseAsync(Guid caseId, SafetyPlanDbContext db, HttpResponse response, CancellationToken cancellationToken) =>
        await RespondAsync(db, await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken), response, cancellationToken);

    private static async Task<IResult> RespondAsync(SafetyPlanDbContext db, SafetyPlan? plan, HttpResponse response, CancellationToken cancellationToken)
    {
        if (plan is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such safety plan.");
        }
        response.SetETag(plan.Version);
        return TypedResults.Ok(await ViewAsync(db, plan, cancellationToken));
    }

    public static async Task<PlanView> ViewAsync(SafetyPlanDbContext db, SafetyPlan plan, CancellationToken cancellationToken)
    {
        var measures = await db.PlanMeasures.AsNoTracking().Where(m => m.PlanId == plan.Id).ToListAsync(cancellationToken);
        var seatIds = measures.Where(m => m.ResponsibleMembershipId != null).Select(m => m.ResponsibleMembershipId!.Value).Distinct().ToList();
        var seats = await db.TeamMemberships.AsNoTracking().Where(s => seatIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return PlanView.From(plan, measures, seats);
    }
}
