using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Plans;

/// <summary>The individual reintegration plan (004 §1.2-1.3). Every change names the case's ETag in If-Match.</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var prefix = ReintegrationService.Description.ApiPrefix;
        app.MapGet(prefix + "/packages", () => TypedResults.Ok(ServicePackages.All)).WithTags("Plan").WithName("ListServicePackages")
            .WithSummary("The standard service packages plans are built from (004 §1.2)");

        var plan = app.MapGroup(prefix + "/cases/{id:guid}/plan").WithTags("Plan")
            .AllowRoles(PlatformRoles.ReintegrationOfficer).GuardRecord(HouseholdAccessRules.Case);
        plan.MapGet("/", GetAsync).WithName("GetPlan").WithSummary("The case's individual reintegration plan").Produces<PlanView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        plan.MapGet("/proposal", ProposeAsync).WithName("ProposePlan")
            .WithSummary("Standard packages that answer the needs of the newest assessment").Produces<ProposedItem[]>().ProducesProblem(StatusCodes.Status409Conflict);
        plan.MapPost("/", AdoptAsync).WithName("AdoptPlan").WithSummary("Adopt the plan; monthly and quarterly monitoring start (004 §1.2, 1.4)")
            .Produces<PlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        plan.MapPost("/items", AddItemsAsync).WithName("AddPlanItems").WithSummary("Add items to an adopted plan")
            .Produces<PlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        plan.MapPost("/items/{itemId:guid}/status", SetStatusAsync).WithName("SetPlanItemStatus").WithSummary("Record where an item stands (004 §1.3)")
            .Produces<PlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    private static async Task<IResult> GetAsync(Guid id, ReintegrationDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null)
        {
            return CaseAccess.NotFound();
        }
        response.SetETag(found.Version);
        return TypedResults.Ok(await ViewAsync(db, found, cancellationToken));
    }

    private static async Task<IResult> ProposeAsync(Guid id, ReintegrationDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null)
        {
            return CaseAccess.NotFound();
        }
        if (await NeedsEndpoints.LatestAsync(db, id, cancellationToken) is not { } assessment)
        {
            return NoAssessment();
        }
        var members = await CaseAccess.MembersAsync(db, id, cancellationToken);
        var proposal = assessment.Needs.Where(n => n.Level != NeedLevel.None)
            .OrderByDescending(n => n.Level).ThenBy(n => n.Area)
            .SelectMany(n => ServicePackages.All
                .Where(p => p.Areas.Contains(n.Area) && ServicePackages.OpenTo(p, members.FirstOrDefault(m => m.Id == n.MemberId)?.Category ?? found.Category))
                .Select(p => new ProposedItem(p.Code, p.Title, p.Source, n.MemberId, KebabCaseEnum.Name(n.Area), p.Institution)))
            .ToList();
        return TypedResults.Ok(proposal);
    }

    private static async Task<IResult> AdoptAsync(Guid id, AdoptPlanRequest request, HttpRequest http, HttpResponse response,
        ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }
        if (found.PlanAdoptedAt is not null)
        {
            return Problems.Conflict("adoptedAt", "The plan is already adopted; add items to it instead.");
        }
        var now = time.GetUtcNow();
        if (request.AdoptedAt > now + CaseAccess.AllowedClockSkew)
        {
            return Problems.Invalid("adoptedAt", "The plan cannot be adopted in the future.");
        }
        if (found.VisitedAt is { } visited && request.AdoptedAt < visited)
        {
            return Problems.Invalid("adoptedAt", "The plan is built from the needs assessment and cannot come before the visit.");
        }
        var (items, invalid) = await BuildItemsAsync(db, found, request.Items!, DateOnly.FromDateTime(request.AdoptedAt!.Value.UtcDateTime), now, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        db.PlanItems.AddRange(items);
        found.AdoptPlan(request.AdoptedAt.Value, now);
        return await SaveAsync(db, found, response, cancellationToken);
    }

    private static async Task<IResult> AddItemsAsync(Guid id, AddPlanItemsRequest request, HttpRequest http, HttpResponse response,
        ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }
        if (found.PlanAdoptedAt is null)
        {
            return Problems.Conflict("items", "The plan is not adopted yet; adopt it with its items first.");
        }
        var now = time.GetUtcNow();
        var (items, invalid) = await BuildItemsAsync(db, found, request.Items!, DateOnly.FromDateTime(now.UtcDateTime), now, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        db.PlanItems.AddRange(items);
        found.Touch(now);
        return await SaveAsync(db, found, response, cancellationToken);
    }

    private static async Task<IResult> SetStatusAsync(Guid id, Guid itemId, PlanItemStatusRequest request, HttpRequest http, HttpResponse response,
        ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }
        var item = await db.PlanItems.SingleOrDefaultAsync(i => i.Id == itemId && i.CaseId == id, cancellationToken);
        if (item is null)
        {
            return Problems.NotFound("The plan has no such item.");
        }
        var now = time.GetUtcNow();
        item.Set(request.Status!.Value, request.Note?.Trim(), now);
        found.Touch(now);
        return await SaveAsync(db, found, response, cancellationToken);
    }

    /// <summary>
    /// Turns requested items into plan lines: each names a known package open to the person's category, for a
    /// member of the household, answering a need the newest assessment found (004 §1.2), due on or after <paramref name="from"/>.
    /// </summary>
    private static async Task<(List<PlanItem> Items, IResult? Invalid)> BuildItemsAsync(ReintegrationDbContext db, ReintegrationCase found,
        List<PlanItemInput> inputs, DateOnly from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await NeedsEndpoints.LatestAsync(db, found.Id, cancellationToken) is not { } assessment)
        {
            return ([], NoAssessment());
        }
        var members = await CaseAccess.MembersAsync(db, found.Id, cancellationToken);
        var items = new List<PlanItem>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var field = $"items[{i}]";
            if (ServicePackages.Find(input.Package) is not { } package)
            {
                return ([], Problems.Invalid($"{field}.package", $"Unknown package; one of {ServicePackages.Codes}."));
            }
            var member = input.MemberId is { } memberId ? members.FirstOrDefault(m => m.Id == memberId) : null;
            if (input.MemberId is not null && member is null)
            {
                return ([], Problems.Invalid($"{field}.memberId", "This person is not a member of the household."));
            }
            if (!ServicePackages.OpenTo(package, member?.Category ?? found.Category))
            {
                return ([], Problems.Invalid($"{field}.package", $"The package {package.Code} is not open to this category of person ({package.Source})."));
            }
            if (!ServicePackages.Serves(package, assessment, input.MemberId))
            {
                var areas = string.Join(", ", package.Areas.Select(KebabCaseEnum.Name));
                return ([], Problems.Invalid($"{field}.package",
                    $"The needs assessment found no need in {areas} for this person; a plan is built from the assessed needs (004 §1.2)."));
            }
            if (input.DueOn < from)
            {
                return ([], Problems.Invalid($"{field}.dueOn", "The due date cannot come before the plan."));
            }
            items.Add(PlanItem.Plan(found.Id, package, input.MemberId, input.ResponsibleInstitution ?? package.Institution,
                input.ResponsibleName!.Trim(), input.DueOn!.Value, now));
        }
        return (items, null);
    }

    private static async Task<IResult> SaveAsync(ReintegrationDbContext db, ReintegrationCase found, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await CaseAccess.CommitAsync(db, found, response, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await ViewAsync(db, found, cancellationToken));
    }

    private static async Task<PlanView> ViewAsync(ReintegrationDbContext db, ReintegrationCase found, CancellationToken cancellationToken) =>
        new(found.Id, found.PlanAdoptedAt,
            await db.PlanItems.AsNoTracking().Where(i => i.CaseId == found.Id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken),
            found.Version);

    private static IResult NoAssessment() =>
        Problems.Conflict("needsAssessment", "The household's needs are not assessed yet: the plan is built from the needs-assessment form (004 §1.1-1.2).");
}
