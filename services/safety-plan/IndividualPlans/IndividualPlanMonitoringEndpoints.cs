using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Monitoring;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.IndividualPlans;

/// <summary>A line of the monitoring part (Art. 32-33).</summary>
public sealed class IndividualPlanEntryRequest
{
    /// <summary>"contact" (Art. 15, 32), "review" (Art. 16) or "activity" (Art. 33).</summary>
    [Required]
    public IndividualPlanEntryKind? Kind { get; init; }

    [Required]
    public DateTimeOffset? At { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? RecordedBy { get; init; }

    [Required, StringLength(4000, MinimumLength = 2)]
    public string? Summary { get; init; }
}

public sealed record IndividualPlanEntryView(Guid Id, IndividualPlanEntryKind Kind, DateTimeOffset At, string RecordedBy, string Summary, DateTimeOffset RecordedAt)
{
    public static IndividualPlanEntryView From(IndividualPlanEntry e) => new(e.Id, e.Kind, e.At, e.RecordedBy, e.Summary, e.RecordedAt);
}

/// <summary>The individual plan's monitoring part (Art. 32-33) and its clocks (Art. 15, 16): the centre's own.</summary>
public static class IndividualPlanMonitoringEndpoints
{
    public static IEndpointRouteBuilder MapIndividualPlanMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup(SafetyPlanService.Description.ApiPrefix + "/individual-plans/{caseId:guid}").WithTags("Individual plans")
            .AllowRoles(PlatformRoles.Csr).GuardRecord(PlanAccessRules.IndividualPlan, "caseId");
        plan.MapPost("/monitoring", RecordAsync).WithName("RecordIndividualPlanEntry")
            .WithSummary("Enter a contact, review or other activity in the plan's monitoring part (Art. 15, 16, 32-33)")
            .Produces<IndividualPlanEntryView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapGet("/monitoring", ListAsync).WithName("GetIndividualPlanMonitoring").WithSummary("The monitoring part, in order (Art. 33)")
            .Produces<IndividualPlanEntryView[]>().ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapGet("/clocks", ClocksAsync).WithName("GetIndividualPlanClocks")
            .WithSummary("The plan's clocks now: first contact within 12 hours of adoption (Art. 15), review at its interval (Art. 16)")
            .Produces<ClockState[]>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> RecordAsync(Guid caseId, IndividualPlanEntryRequest request, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request.At > now + TimeSpan.FromMinutes(5))
        {
            return Problems.Invalid("at", "An entry records what was done, not what is planned.");
        }
        var plan = await db.IndividualPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (plan is null)
        {
            return Problems.NotFound("The case has no individual plan.");
        }
        var entry = IndividualPlanEntry.Record(plan.Id, request.Kind!.Value, request.At!.Value, request.RecordedBy!.Trim(), request.Summary!.Trim(), now);
        db.IndividualPlanEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{SafetyPlanService.Description.ApiPrefix}/individual-plans/{caseId}/monitoring", IndividualPlanEntryView.From(entry));
    }

    private static async Task<IResult> ListAsync(Guid caseId, SafetyPlanDbContext db, CancellationToken cancellationToken)
    {
        var plan = await db.IndividualPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (plan is null)
        {
            return Problems.NotFound("The case has no individual plan.");
        }
        var entries = await db.IndividualPlanEntries.AsNoTracking().Where(e => e.PlanId == plan.Id).OrderBy(e => e.At).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(IndividualPlanEntryView.From).ToArray());
    }

    private static async Task<IResult> ClocksAsync(Guid caseId, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var plan = await db.IndividualPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (plan is null)
        {
            return Problems.NotFound("The case has no individual plan.");
        }
        var (firstContact, lastReview) = (await IndividualPlanClockWatcher.MarksAsync(db, [plan.Id], cancellationToken)).GetValueOrDefault(plan.Id);
        return TypedResults.Ok(plan.Clocks(firstContact, lastReview, time.GetUtcNow()).ToArray());
    }
}
