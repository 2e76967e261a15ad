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

    private static async Task<IResult> ListAsync(string? centre, string? state, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
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
            views.Add(await ViewAsync(db, plan, time.GetUtcNow(), cancellationToken));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, SafetyPlanDbContext db, TimeProvider time, HttpResponse response, CancellationToken cancellationToken) =>
        await RespondAsync(db, await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken), time, response, cancellationToken);

    private static async Task<IResult> GetByCaseAsync(Guid caseId, SafetyPlanDbContext db, TimeProvider time, HttpResponse response, CancellationToken cancellationToken) =>
        await RespondAsync(db, await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken), time, response, cancellationToken);

    private static async Task<IResult> RespondAsync(SafetyPlanDbContext db, SafetyPlan? plan, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        if (plan is null)
        {
            return Problems.NotFound("There is no such safety plan.");
        }
        response.SetETag(plan.Version);
        return TypedResults.Ok(await ViewAsync(db, plan, time.GetUtcNow(), cancellationToken));
    }

    public static async Task<PlanView> ViewAsync(SafetyPlanDbContext db, SafetyPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = await Monitoring.PlanRecord.LoadAsync(db, plan, cancellationToken);
        var seatIds = record.Measures.Where(m => m.ResponsibleMembershipId != null).Select(m => m.ResponsibleMembershipId!.Value).Distinct().ToList();
        var seats = await db.TeamMemberships.AsNoTracking().Where(s => seatIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return PlanView.From(plan, record.Measures, seats, record.Clocks(now));
    }
}
