using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.Reintegration;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;
using Safeguard.Reintegration.Plans;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Reviews;

/// <summary>Monthly, twelve-month and final reviews of a household (004 §1.4-1.5, 2.7); each restarts or stops its clock.</summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ReintegrationService.Description.ApiPrefix + "/cases/{id:guid}/reviews").WithTags("Reviews")
            .AllowRoles(PlatformRoles.ReintegrationOfficer).GuardRecord(HouseholdAccessRules.Case);
        group.MapPost("/", RecordAsync).WithName("RecordReview")
            .WithSummary("Record a review; the final assessment closes the case (If-Match: the case's ETag)")
            .Produces<Review>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/", ListAsync).WithName("ListReviews").WithSummary("The case's reviews, in order").Produces<Review[]>();
        return app;
    }

    private static async Task<IResult> RecordAsync(Guid id, ReviewRequest request, HttpRequest http, HttpResponse response,
        ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        if (Check(request, found, now) is { } invalid)
        {
            return invalid;
        }

        var kind = request.Kind!.Value;
        var at = request.ReviewedAt!.Value;
        var review = Review.Record(id, kind, at, request.ReviewedBy!.Trim(), request.Summary!.Trim(),
            kind == ReviewKind.TwelveMonthReview ? request.SupportBeyond12Months : null,
            kind == ReviewKind.TwelveMonthReview ? (request.ExtendedSupport ?? []).Distinct().ToList() : [],
            kind == ReviewKind.FinalAssessment ? request.EarlyClosureReason is null && request.Sustainable == true : null, now);
        db.Reviews.Add(review);
        switch (kind)
        {
            case ReviewKind.MonthlyMonitoring:
                found.RecordMonthlyMonitoring(at, now);
                break;
            case ReviewKind.TwelveMonthReview:
                found.RecordTwelveMonthReview(at, now);
                break;
            case ReviewKind.FinalAssessment:
                found.Close(at, request.Sustainable, request.EarlyClosureReason, now);
                db.Publish(new ReintegrationCaseClosed(found.Id, found.Reference, found.MunicipalityCode, found.Sustainable!.Value, at, now));
                break;
        }
        if (await CaseAccess.CommitAsync(db, found, response, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Created($"{ReintegrationService.Description.ApiPrefix}/cases/{id}/reviews/{review.Id}", review);
    }

    private static IResult? Check(ReviewRequest request, ReintegrationCase found, DateTimeOffset now)
    {
        if (request.ReviewedAt > now + CaseAccess.AllowedClockSkew || request.ReviewedAt < found.ArrivalAt)
        {
            return Problems.Invalid("reviewedAt", "The review must fall between the arrival and now.");
        }
        switch (request.Kind)
        {
            case ReviewKind.QuarterlyEvaluation:
                return Problems.Invalid("kind",
                    "The quarterly evaluation is of the municipality's schemes, not of a household (004 §1.4): write it at PUT /api/reintegration/scheme-evaluations/{municipality}/{quarter}. A household's plan is monitored monthly.");
            case ReviewKind.MonthlyMonitoring when found.PlanAdoptedAt is null:
                return Problems.Conflict("kind", "Monthly monitoring follows the individual plan, which is not adopted yet (004 §1.4).");
            case ReviewKind.TwelveMonthReview when request.SupportBeyond12Months is null:
                return Problems.Invalid("supportBeyond12Months", "Say whether the household needs support beyond 12 months (004 §2.7).");
            case ReviewKind.TwelveMonthReview when (request.ExtendedSupport ?? []).FirstOrDefault(c => ServicePackages.Find(c) is null) is { } unknown:
                return Problems.Invalid("extendedSupport", $"Unknown package \"{unknown}\"; one of {ServicePackages.Codes}.");
            case ReviewKind.FinalAssessment when found.CheckFinalAssessment(request.ReviewedAt!.Value, request.Sustainable, request.EarlyClosureReason) is { } broken:
                return Problems.For(broken);
            case ReviewKind.FinalAssessment when found.VisitedAt is null && found.IncompleteVisitAt is null && request.EarlyClosureReason is null:
                return Problems.Conflict("kind", "A case whose needs were never assessed cannot be assessed as reintegrated.");
            default:
                return null;
        }
    }

    private static async Task<IResult> ListAsync(Guid id, ReintegrationDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return CaseAccess.NotFound();
        }
        return TypedResults.Ok(await db.Reviews.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.ReviewedAt).ToListAsync(cancellationToken));
    }
}
