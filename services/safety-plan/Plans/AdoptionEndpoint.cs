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

/// <summary>
/// The team adopts the plan (Art. 18-20; Annex 5): from then on the first contact is due within 12 hours
/// (Art. 15) and the monitoring clocks run (Art. 21). Every member and deputy is told, and each responsible
/// member is told of each measure that is theirs.
/// </summary>
public static class AdoptionEndpoint
{
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapAdoptionEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(SafetyPlanService.Description.ApiPrefix + "/plans/{planId:guid}/adoption", AdoptAsync)
            .WithTags("Safety plans").WithName("AdoptPlan").WithSummary("Adopt the plan (If-Match: the plan's ETag)")
            .Produces<PlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .AllowRoles(PlatformRoles.Csr).GuardRecord(PlanAccessRules.Plan, "planId");
        return app;
    }

    private static async Task<IResult> AdoptAsync(
        Guid planId, AdoptPlanRequest request, HttpRequest http, HttpResponse response, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request.AdoptedAt > now + AllowedClockSkew)
        {
            return Problems.Invalid("adoptedAt", "A plan cannot be adopted in the future.");
        }

        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var plan = (await db.SafetyPlans.FromSql($"SELECT *, xmin FROM safety_plans WHERE id = {planId} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
        if (plan is null)
        {
            return Problems.NotFound("There is no such safety plan.");
        }
        if (http.CheckIfMatch(plan.Version) is { } refused)
        {
            return refused;
        }
        var measures = await db.PlanMeasures.AsNoTracking().Where(m => m.PlanId == planId).OrderBy(m => m.Number).ToListAsync(cancellationToken);
        if (plan.Adopt(request.AdoptedAt!.Value, measures) is { } broken)
        {
            return Problems.For(broken);
        }
        var teamId = plan.TeamId!.Value;
        var seats = await TeamQueries.CurrentMembershipsAsync(db, teamId, cancellationToken);
        var responsible = await db.TeamMemberships.AsNoTracking()
            .Where(m => measures.Select(x => x.ResponsibleMembershipId).Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        db.Publish(new SafetyPlanAdopted(plan.Id, plan.CaseReference, plan.CentreCode, plan.AdoptedAt!.Value,
            plan.AdoptedAt.Value + PlanClocks.FirstContactWindow, seats.Select(TeamQueries.Recipient).ToList(), now));
        foreach (var measure in measures)
        {
            db.Publish(new MeasureAssigned(plan.Id, plan.CaseReference, measure.Id, measure.Code, measure.Article, measure.Frequency,
                TeamQueries.Recipient(responsible[measure.ResponsibleMembershipId!.Value]), now));
        }
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(plan.Version);
        return TypedResults.Ok(await PlanEndpoints.ViewForCallerAsync(db, plan, time.GetUtcNow(), response.HttpContext, cancellationToken));
    }


}
