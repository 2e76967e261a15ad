using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Needs;

public static class NeedsEndpoints
{
    public static IEndpointRouteBuilder MapNeedsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ReintegrationService.Description.ApiPrefix + "/cases/{id:guid}/needs-assessments").WithTags("Needs assessment")
            // The centre a handover is addressed to joins the visit and may record it (004 §1.1; 000 §4.3.4).
            .AllowRoles([PlatformRoles.ReintegrationOfficer, .. PlatformRoles.Csr]).GuardRecord(HouseholdAccessRules.Case);
        group.MapPost("/", RecordAsync).WithName("RecordNeedsAssessment")
            .WithSummary("Record the visit and the needs-assessment form (004 §1.1: within 72 hours); If-Match: the case's ETag")
            .Produces<NeedsAssessment>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/", ListAsync).WithName("ListNeedsAssessments").WithSummary("The case's needs assessments, newest first")
            .Produces<NeedsAssessment[]>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> RecordAsync(Guid id, NeedsAssessmentRequest request, HttpRequest http, HttpResponse response,
        ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        var members = await CaseAccess.MembersAsync(db, id, cancellationToken);
        if (Check(request, found, members, now) is { } invalid)
        {
            return invalid;
        }

        var assessment = NeedsAssessment.Record(id, request.VisitedAt!.Value,
            request.Visitors!.Select(v => new Visitor(v.FullName!.Trim(), v.Institution!.Trim(), v.Represents!.Value)).ToList(),
            request.Needs!.Select(n => new Need(n.Area!.Value, n.Level!.Value, n.MemberId, n.Note?.Trim())).ToList(), now);
        db.NeedsAssessments.Add(assessment);
        found.RecordVisit(assessment.VisitedAt, assessment.Joint, now);
        if (await CaseAccess.CommitAsync(db, found, response, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Created($"{ReintegrationService.Description.ApiPrefix}/cases/{id}/needs-assessments", assessment);
    }

    private static IResult? Check(NeedsAssessmentRequest request, ReintegrationCase found, List<HouseholdMember> members, DateTimeOffset now)
    {
        if (request.VisitedAt > now + CaseAccess.AllowedClockSkew)
        {
            return Problems.Invalid("visitedAt", "The visit cannot be in the future.");
        }
        // A handed-over prisoner may be interviewed in prison before release (000 §4.3.4); anyone else only after arrival.
        if (found.ArrivalKind != ArrivalKind.PreReleaseHandover && request.VisitedAt < found.ArrivalAt - CaseAccess.AllowedClockSkew)
        {
            return Problems.Invalid("visitedAt", "The visit cannot come before the return, grant of status or release.");
        }
        var seen = new HashSet<(NeedArea, Guid?)>();
        for (var i = 0; i < request.Needs!.Count; i++)
        {
            var need = request.Needs[i];
            if (need.MemberId is { } member && members.All(m => m.Id != member))
            {
                return Problems.Invalid($"needs[{i}].memberId", "This person is not a member of the household.");
            }
            if (!seen.Add((need.Area!.Value, need.MemberId)))
            {
                return Problems.Invalid($"needs[{i}].area", "The area is answered twice for the same person.");
            }
        }
        var unanswered = NeedAreas.Required.Where(a => request.Needs.All(n => n.Area != a)).Select(KebabCaseEnum.Name).ToList();
        return unanswered.Count > 0
            ? Problems.Invalid("needs", $"The form must answer every area (\"none\" where there is no need); missing: {string.Join(", ", unanswered)}.")
            : null;
    }

    private static async Task<IResult> ListAsync(Guid id, ReintegrationDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return CaseAccess.NotFound();
        }
        return TypedResults.Ok(await db.NeedsAssessments.AsNoTracking().Where(n => n.CaseId == id)
            .OrderByDescending(n => n.VisitedAt).ToListAsync(cancellationToken));
    }

    /// <summary>The newest assessment of the case: the one plans and referrals follow.</summary>
    public static Task<NeedsAssessment?> LatestAsync(ReintegrationDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.NeedsAssessments.AsNoTracking().Where(n => n.CaseId == caseId).OrderByDescending(n => n.VisitedAt).ThenByDescending(n => n.RecordedAt)
            .FirstOrDefaultAsync(cancellationToken);
}
