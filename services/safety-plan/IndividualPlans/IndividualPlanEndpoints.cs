using Safeguard.BuildingBlocks.Access;
using Safeguard.SafetyPlan.Access;
using Safeguard.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.IndividualPlans;

public sealed record IndividualPlanView(Guid Id, Guid CaseId, string CaseReference, string CentreCode, bool Informed, bool ConsentToDataUse,
    string? LegalBasis, IndividualPlanContent? Content, DateOnly? AdoptedOn, DateTimeOffset? AdoptedAt, int? ReviewEveryDays, DateTimeOffset? CaseClosedAt,
    string RecordedBy, DateTimeOffset UpdatedAt, uint Version)
{
    public static IndividualPlanView From(IndividualPlan p) =>
        new(p.Id, p.CaseId, p.CaseReference, p.CentreCode, p.Informed, p.ConsentToDataUse, p.LegalBasis, p.Content, p.AdoptedOn, p.AdoptedAt,
            p.ReviewEveryDays, p.CaseClosedAt, p.RecordedBy, p.UpdatedAt, p.Version);
}

/// <summary>The individual plan (Art. 12-14; Annex 3), one per case: written whole, under If-Match once it exists.</summary>
public static class IndividualPlanEndpoints
{
    public static IEndpointRouteBuilder MapIndividualPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup(SafetyPlanService.Description.ApiPrefix + "/individual-plans").WithTags("Individual plans")
            // Annex 3 is the centre's own record with the victim; the team sees the safety plan instead.
            .AllowRoles(PlatformRoles.Csr).GuardRecord(PlanAccessRules.IndividualPlan, "caseId");
        plans.MapPut("/{caseId:guid}", PutAsync).WithName("PutIndividualPlan")
            .WithSummary("Record the Annex 3 individual plan of a case (If-Match when it already exists)")
            .Produces<IndividualPlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        plans.MapGet("/{caseId:guid}", GetAsync).WithName("GetIndividualPlan").WithSummary("The case's individual plan (Annex 3)").Produces<IndividualPlanView>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> PutAsync(
        Guid caseId, IndividualPlanRequest request, HttpRequest http, HttpResponse response, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var plan = (await db.IndividualPlans.FromSql($"SELECT *, xmin FROM individual_plans WHERE case_id = {caseId} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
        if (plan is null)
        {
            // The record guard let the caller through because the case is known to be her centre's.
            var known = await db.KnownCases.AsNoTracking().SingleAsync(c => c.CaseId == caseId, cancellationToken);
            plan = IndividualPlan.Start(known);
            db.IndividualPlans.Add(plan);
        }
        else if (http.CheckIfMatch(plan.Version) is { } refused)
        {
            return refused;
        }
        var errors = Validate(request, IndividualPlan.MayHoldContent(request.Informed!.Value, request.ConsentToDataUse!.Value, plan.ProtectionWithoutConsent));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var content = new IndividualPlanContent(request.Fears, request.SafeToTalkTo, request.UnsafeToTalkTo, request.Victim, request.ViolenceTable,
            request.Perpetrator, request.OtherCircumstances, request.RiskOfRepetition, request.Measures ?? [], request.ClosingEvaluation);
        plan.Record(request.Informed!.Value, request.ConsentToDataUse!.Value, content, request.AdoptedOn, request.ReviewEveryDays,
            request.RecordedBy!.Trim(), time.GetUtcNow());
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(plan.Version);
        return TypedResults.Ok(IndividualPlanView.From(plan));
    }

    private static async Task<IResult> GetAsync(Guid caseId, SafetyPlanDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var plan = await db.IndividualPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (plan is null)
        {
            return Problems.NotFound("The case has no individual plan.");
        }
        response.SetETag(plan.Version);
        return TypedResults.Ok(IndividualPlanView.From(plan));
    }

    private static Dictionary<string, string[]> Validate(IndividualPlanRequest request, bool mayHoldContent)
    {
        var errors = new Dictionary<string, string[]>();
        if (!mayHoldContent)
        {
            foreach (var field in request.GivenContent())
            {
                errors[field] = ["Without the victim informed and consenting to the use and exchange of her data, the plan holds nothing beyond that record (Annex 3)."];
            }
            return errors;
        }
        if (IndividualPlan.CheckAdoption(request.AdoptedOn, request.ReviewEveryDays) is { } adoption)
        {
            errors[adoption.Field] = [adoption.Message];
        }
        foreach (var key in (request.ViolenceTable ?? []).Keys.Except(IndividualPlan.ViolenceRows))
        {
            errors[$"violenceTable.{key}"] = [$"Not a row of the Annex 3 violence table ({string.Join(", ", IndividualPlan.ViolenceRows)})."];
        }
        foreach (var (measure, index) in (request.Measures ?? []).Select((m, i) => (m, i)))
        {
            if (string.IsNullOrWhiteSpace(measure.Measure))
            {
                errors[$"measures[{index}].measure"] = ["Name the measure."];
            }
            if (string.IsNullOrWhiteSpace(measure.ResponsiblePerson))
            {
                errors[$"measures[{index}].responsiblePerson"] = ["Every measure has a responsible person (Annex 3 §4)."];
            }
        }
        if (request.Victim is { FullName: var name } && string.IsNullOrWhiteSpace(name))
        {
            errors["victim.fullName"] = ["The victim's name is required in §1."];
        }
        return errors;
    }
}
