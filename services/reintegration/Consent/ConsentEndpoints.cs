using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Consent;

/// <summary>Consent to share a person's data with referral recipients. Changes name the case's ETag in If-Match.</summary>
public static class ConsentEndpoints
{
    public static IEndpointRouteBuilder MapConsentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ReintegrationService.Description.ApiPrefix + "/cases/{id:guid}/consents").WithTags("Consent")
            .AllowRoles(PlatformRoles.ReintegrationOfficer).GuardRecord(HouseholdAccessRules.Case);
        group.MapPost("/", RecordAsync).WithName("RecordDataSharingConsent")
            .WithSummary("Record a person's written consent to share her or his data with the named kinds of institution")
            .Produces<DataSharingConsent>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{consentId:guid}/withdrawal", WithdrawAsync).WithName("WithdrawDataSharingConsent")
            .WithSummary("Withdraw a consent: no new referral may share the person's data").Produces<DataSharingConsent>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/", ListAsync).WithName("ListDataSharingConsents").WithSummary("Every consent of the case, current and withdrawn")
            .Produces<DataSharingConsent[]>();
        return app;
    }

    private static async Task<IResult> RecordAsync(Guid id, ConsentRequest request, HttpRequest http, HttpResponse response,
        ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MemberId && m.CaseId == id, cancellationToken);
        if (member is null)
        {
            return Problems.Invalid("memberId", "This person is not a member of the household.");
        }
        if (request.GivenAt > now + CaseAccess.AllowedClockSkew)
        {
            return Problems.Invalid("givenAt", "Consent cannot be given in the future.");
        }
        // A child's consent is given by a parent or guardian; an adult gives her or his own.
        var child = member.IsChildOn(DateOnly.FromDateTime(request.GivenAt!.Value.UtcDateTime));
        if (child && request.GivenBy != ConsentGiver.Guardian)
        {
            return Problems.Invalid("givenBy", "The person is a child: a parent or guardian gives the consent (\"guardian\").");
        }
        if (!child && request.GivenBy != ConsentGiver.Self)
        {
            return Problems.Invalid("givenBy", "The person is an adult and gives her or his own consent (\"self\").");
        }
        if (child && string.IsNullOrWhiteSpace(request.GuardianName))
        {
            return Problems.Invalid("guardianName", "Name the parent or guardian who consents for the child.");
        }

        var consent = DataSharingConsent.Record(id, member.Id, request.GivenBy!.Value, child ? request.GuardianName!.Trim() : null,
            request.GivenAt.Value, request.Institutions!.Distinct().ToList(), now);
        db.Consents.Add(consent);
        found.Touch(now);
        if (await CaseAccess.CommitAsync(db, found, response, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Created($"{ReintegrationService.Description.ApiPrefix}/cases/{id}/consents/{consent.Id}", consent);
    }

    private static async Task<IResult> WithdrawAsync(Guid id, Guid consentId, WithdrawConsentRequest request, HttpRequest http, HttpResponse response,
        ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }
        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.CaseId == id, cancellationToken);
        if (consent is null)
        {
            return Problems.NotFound("The case has no such consent.");
        }
        var now = time.GetUtcNow();
        if (request.WithdrawnAt > now + CaseAccess.AllowedClockSkew || request.WithdrawnAt < consent.GivenAt)
        {
            return Problems.Invalid("withdrawnAt", "The withdrawal must fall between the consent and now.");
        }
        consent.Withdraw(request.WithdrawnAt!.Value);
        found.Touch(now);
        if (await CaseAccess.CommitAsync(db, found, response, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(consent);
    }

    private static async Task<IResult> ListAsync(Guid id, ReintegrationDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return CaseAccess.NotFound();
        }
        return TypedResults.Ok(await db.Consents.AsNoTracking().Where(c => c.CaseId == id).OrderBy(c => c.GivenAt).ToListAsync(cancellationToken));
    }
}
