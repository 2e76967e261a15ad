using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Plans;

public sealed class NoticeRecipientRequest
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? Name { get; init; }

    [Required, StringLength(300, MinimumLength = 2)]
    public string? Address { get; init; }

    [EmailAddress, StringLength(254)]
    public string? Email { get; init; }
}

/// <summary>A notice to send: the measure, who it goes to, who sends it and how far it got.</summary>
public sealed record NoticeTaskView(Guid MeasureId, int Number, string Code, string Article, string Description, NoticeRecipient? Recipient,
    string? ResponsibleName, MeasureStatus Status, bool RecipientNeeded);

/// <summary>
/// Art. 15: the notice to the perpetrator's employer when he carries an official firearm, and to the child's
/// school or kindergarten, are tasks: each names its recipient and is carried out by its responsible member.
/// </summary>
public static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup(SafetyPlanService.Description.ApiPrefix + "/plans/{planId:guid}").WithTags("Safety plans").GuardRecord(PlanAccessRules.Plan, "planId");
        plan.MapGet("/notices", ListAsync).AllowRoles(PlatformRoles.CsrAndTeam).WithName("ListNoticeTasks").WithSummary("The plan's notice tasks (Art. 15) with their recipients")
            .Produces<NoticeTaskView[]>();
        plan.MapPut("/measures/{measureId:guid}/notice-recipient", NameRecipientAsync).AllowRoles(PlatformRoles.Csr).WithName("NameNoticeRecipient")
            .WithSummary("Name who receives a notice (the employer, the school or kindergarten)")
            .Produces<NoticeTaskView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(Guid planId, SafetyPlanDbContext db, CancellationToken cancellationToken)
    {
        var plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Problems.NotFound("There is no such safety plan.");
        }
        var measures = (await db.PlanMeasures.AsNoTracking().Where(m => m.PlanId == planId).OrderBy(m => m.Number).ToListAsync(cancellationToken))
            .Where(m => m.IsNotice).ToList();
        var seatIds = measures.Where(m => m.ResponsibleMembershipId != null).Select(m => m.ResponsibleMembershipId!.Value).ToList();
        var names = await db.TeamMemberships.AsNoTracking().Where(s => seatIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Person.FullName, cancellationToken);
        return TypedResults.Ok(measures.Select(m => View(m, m.ResponsibleMembershipId is { } id ? names.GetValueOrDefault(id) : null)).ToArray());
    }

    private static async Task<IResult> NameRecipientAsync(Guid planId, Guid measureId, NoticeRecipientRequest request, SafetyPlanDbContext db, CancellationToken cancellationToken)
    {
        var measure = await db.PlanMeasures.SingleOrDefaultAsync(m => m.Id == measureId && m.PlanId == planId, cancellationToken);
        if (measure is null)
        {
            return Problems.NotFound("The plan has no such measure.");
        }
        if (!measure.IsNotice)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["measureId"] = [$"Measure {measure.Number} ({measure.Code}) is not a notice (Art. 15: employer, school or kindergarten)."],
            });
        }
        measure.NameNoticeRecipient(new NoticeRecipient(request.Name!.Trim(), request.Address!.Trim(), request.Email?.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(measure, null));
    }

    private static NoticeTaskView View(PlanMeasure m, string? responsible) =>
        new(m.Id, m.Number, m.Code, m.Article, m.Description, m.NoticeRecipient, responsible, m.Status, RecipientNeeded: m.NoticeRecipient is null);
}
