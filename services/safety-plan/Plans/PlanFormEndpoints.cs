using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>The centre's view of the Annex 5 form: saved, or a draft prefilled from what the centre already holds.</summary>
/// <param name="PrefilledFrom">Where a draft's values came from ("individual-plan", "risk-assessment", "police-report"); empty once saved.</param>
public sealed record PlanFormView(bool Saved, IReadOnlyList<string> PrefilledFrom, PlanForm Form, uint Version);

/// <summary>The Annex 5 form (Art. 18-20): the centre reads and writes it whole; a team member reads what she needs to act.</summary>
public static class PlanFormEndpoints
{
    public static IEndpointRouteBuilder MapPlanFormEndpoints(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup(SafetyPlanService.Description.ApiPrefix + "/plans/{planId:guid}/form").WithTags("Safety plans")
            .GuardRecord(PlanAccessRules.Plan, "planId");
        plan.MapGet("/", GetAsync).AllowRoles(PlatformRoles.CsrAndTeam).WithName("GetPlanForm")
            .WithSummary("The Annex 5 form: whole for the centre (a prefilled draft until saved); for a team member the parts she needs to act")
            .Produces<PlanFormView>().Produces<PlanFormForMembers>().ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapPut("/", PutAsync).AllowRoles(PlatformRoles.Csr).WithName("PutPlanForm")
            .WithSummary("Save the Annex 5 form whole (If-Match: the plan's ETag)")
            .Produces<PlanFormView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    private static async Task<IResult> GetAsync(Guid planId, HttpContext http, SafetyPlanDbContext db, CancellationToken cancellationToken)
    {
        var plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Problems.NotFound("There is no such safety plan.");
        }
        http.Response.SetETag(plan.Version);
        if (!http.Caller().WorksAtCentre(plan.CentreCode))
        {
            // A member of the plan's team (the record guard let her in): only what she needs to act (Annex 5).
            return TypedResults.Ok((plan.Form ?? (await DraftAsync(db, plan, cancellationToken)).Form).ForMembers());
        }
        if (plan.Form is { } saved)
        {
            return TypedResults.Ok(new PlanFormView(true, [], saved, plan.Version));
        }
        var (draft, from) = await DraftAsync(db, plan, cancellationToken);
        return TypedResults.Ok(new PlanFormView(false, from, draft, plan.Version));
    }

    private static async Task<IResult> PutAsync(Guid planId, PlanForm form, HttpRequest http, HttpResponse response, SafetyPlanDbContext db,
        CancellationToken cancellationToken)
    {
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
        var broken = plan.RecordForm(form);
        if (broken.FirstOrDefault(b => b.Kind == RuleKind.Conflict) is { } conflict)
        {
            return Problems.For(conflict);
        }
        if (broken.Count > 0)
        {
            return TypedResults.ValidationProblem(broken.GroupBy(b => b.Field).ToDictionary(g => g.Key, g => g.Select(b => b.Message).ToArray()));
        }
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(plan.Version);
        return TypedResults.Ok(new PlanFormView(true, [], plan.Form!, plan.Version));
    }

    private static async Task<(PlanForm Form, IReadOnlyList<string> From)> DraftAsync(SafetyPlanDbContext db, SafetyPlan plan, CancellationToken cancellationToken)
    {
        var individual = await db.IndividualPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == plan.CaseId, cancellationToken);
        return PlanForm.Prefill(plan, individual);
    }
}
