using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.Reintegration;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;
using Safeguard.Reintegration.Plans;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Referrals;

/// <summary>Referrals to the bodies that provide services (004 §2.3, 4.x), followed to their outcome.</summary>
public static class ReferralEndpoints
{
    /// <summary>How long an institution has to answer when the referral does not say.</summary>
    public static readonly TimeSpan DefaultAnswerTime = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ReintegrationService.Description.ApiPrefix + "/referrals").WithTags("Referrals");
        group.MapPost("/", SendAsync).WithName("SendReferral")
            .WithSummary("Refer household members to an institution; each must have consented to share data with it")
            .Produces<ReferralView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .AllowRoles(PlatformRoles.ReintegrationOfficer).AuditCollection(HouseholdAccessRules.Referral);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetReferral").WithSummary("A referral with its history; its ETag guards transitions")
            .Produces<ReferralView>().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowRoles([PlatformRoles.ReintegrationOfficer, PlatformRoles.TeamMember, .. PlatformRoles.Csr]).GuardRecord(HouseholdAccessRules.Referral);
        group.MapGet("/", ListAsync).WithName("ListReferrals")
            .WithSummary("Referrals by case, status, institution, or those whose answer is overdue").Produces<ReferralView[]>()
            .AllowRoles([PlatformRoles.ReintegrationOfficer, PlatformRoles.TeamMember, .. PlatformRoles.Csr]).AuditCollection(HouseholdAccessRules.Referral);
        group.MapPost("/{id:guid}/transitions", MoveAsync).WithName("MoveReferral")
            .WithSummary("accepted / rejected (with a note) → in-progress → done (with the outcome), or revoked (with a note); If-Match: the referral's ETag")
            .Produces<ReferralView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .AllowRoles([PlatformRoles.ReintegrationOfficer, PlatformRoles.TeamMember, .. PlatformRoles.Csr]).GuardRecord(HouseholdAccessRules.Referral);
        return app;
    }

    private static async Task<IResult> SendAsync(SendReferralRequest request, HttpContext http, HttpResponse response, ReintegrationDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        // The case's row lock numbers its referrals one by one; the case itself does not change.
        var found = (await db.Cases.FromSql($"SELECT *, xmin FROM reintegration_cases WHERE id = {request.CaseId} FOR UPDATE")
            .AsNoTracking().ToListAsync(cancellationToken)).SingleOrDefault();
        // Another municipality's case answers as if it did not exist.
        if (found is null || !HouseholdAccessRules.IsOfficerOf(http.Caller(), found.MunicipalityCode))
        {
            return Problems.Invalid("caseId", "There is no such reintegration case.");
        }
        if (found.IsClosed)
        {
            return Problems.Conflict("caseId", "The case is closed; it makes no new referrals.");
        }
        if (ServicePackages.Find(request.Service) is not { } package)
        {
            return Problems.Invalid("service", $"Unknown service; one of {ServicePackages.Codes}.");
        }
        var now = time.GetUtcNow();
        var answerBy = request.AnswerBy ?? now + DefaultAnswerTime;
        if (answerBy < now)
        {
            return Problems.Invalid("answerBy", "The answer cannot be due in the past.");
        }
        if (request.PlanItemId is { } itemId)
        {
            var item = await db.PlanItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.CaseId == found.Id, cancellationToken);
            if (item is null)
            {
                return Problems.Invalid("planItemId", "The case's plan has no such item.");
            }
            if (item.Package != package.Code)
            {
                return Problems.Invalid("planItemId", $"The plan item is for {item.Package}, not {package.Code}.");
            }
        }
        var institution = request.Recipient!.Institution ?? package.Institution;
        if (await RefuseWithoutConsentAsync(db, found.Id, request.MemberIds!, institution, cancellationToken) is { } refused)
        {
            return refused;
        }

        var number = await db.Referrals.CountAsync(r => r.CaseId == found.Id, cancellationToken) + 1;
        // A centre for social work is a coded institution whose workers answer for it; the case's centre unless another is named.
        var centre = institution == InstitutionKind.Csr ? request.Recipient.InstitutionCode ?? found.CsrCode : null;
        var recipient = new Recipient(institution, request.Recipient.InstitutionName!.Trim(), request.Recipient.ContactName!.Trim(),
            request.Recipient.ContactEmail!.Trim(), request.Recipient.Language ?? "en", centre);
        var referral = Referral.Send($"{found.Reference}/{number:D2}", found.Id, request.PlanItemId, package.Code, request.MemberIds!.Distinct().ToList(),
            recipient, request.Request!.Trim(), http.Caller().Email, now, answerBy);
        db.Referrals.Add(referral);
        db.ReferralChanges.Add(ReferralChange.Record(referral.Id, null, ReferralStatus.Sent, now, request.SentBy!.Trim(), null, now));
        // Issue 22 §4: the contact's code, by which her account takes the referral to answer it.
        var (holder, code) = ReferralHolder.Invite(referral.Id);
        db.ReferralHolders.Add(holder);
        db.Publish(new ReferralSent(referral.Id, referral.Reference, found.Id, found.Reference, found.MunicipalityCode, package.Code,
            recipient.Contact(), answerBy, code, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        response.SetETag(referral.Version);
        return TypedResults.Created($"{ReintegrationService.Description.ApiPrefix}/referrals/{referral.Id}",
            await ViewAsync(db, referral, found.Reference, now, cancellationToken));
    }

    /// <summary>
    /// Each person's data may go only where she or he (or a guardian, for a child) consented to (issue 7 §5;
    /// seed 003 Art. 3): a current consent must name the receiving kind of institution.
    /// </summary>
    private static async Task<IResult?> RefuseWithoutConsentAsync(ReintegrationDbContext db, Guid caseId, List<Guid> memberIds, InstitutionKind institution,
        CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.CaseId == caseId).Select(m => m.Id).ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.CaseId == caseId && c.WithdrawnAt == null).ToListAsync(cancellationToken);
        for (var i = 0; i < memberIds.Count; i++)
        {
            if (!members.Contains(memberIds[i]))
            {
                return Problems.Invalid($"memberIds[{i}]", "This person is not a member of the household.");
            }
            if (!consents.Any(c => c.MemberId == memberIds[i] && c.Covers(institution)))
            {
                return Problems.Conflict($"memberIds[{i}]",
                    $"This person has not consented to share her or his data with a {KebabCaseEnum.Name(institution)}; record the written consent first.");
            }
        }
        return null;
    }

    private static async Task<IResult> GetAsync(Guid id, ReintegrationDbContext db, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }
        var caseReference = await db.Cases.Where(c => c.Id == referral.CaseId).Select(c => c.Reference).SingleAsync(cancellationToken);
        response.SetETag(referral.Version);
        return TypedResults.Ok(await ViewAsync(db, referral, caseReference, time.GetUtcNow(), cancellationToken));
    }

    private static async Task<IResult> ListAsync(Guid? caseId, string? status, string? institution, bool? answerOverdue,
        HttpContext http, ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        ReferralStatus? statusFilter = null;
        if (status is not null)
        {
            if (!KebabCaseEnum.TryParse<ReferralStatus>(status, out var parsed))
            {
                return Problems.Invalid("status", $"Unknown status; one of {KebabCaseEnum.Names<ReferralStatus>()}.");
            }
            statusFilter = parsed;
        }
        InstitutionKind? institutionFilter = null;
        if (institution is not null)
        {
            if (!KebabCaseEnum.TryParse<InstitutionKind>(institution, out var parsed))
            {
                return Problems.Invalid("institution", $"Unknown institution; one of {KebabCaseEnum.Names<InstitutionKind>()}.");
            }
            institutionFilter = parsed;
        }
        if (caseId is null && statusFilter is null && institutionFilter is null && answerOverdue is not true)
        {
            return Problems.Invalid("caseId", "Filter by case, status, institution or answerOverdue=true.");
        }
        var now = time.GetUtcNow();
        // An officer lists her municipality's referrals; a partner institution's member those she took with their
        // codes; a centre's workers those addressed to the centre.
        var query = caller.Is(PlatformRoles.ReintegrationOfficer)
            ? db.Referrals.AsNoTracking().Where(r => db.Cases.Any(k => k.Id == r.CaseId && k.MunicipalityCode == caller.Institution))
            : caller.WorksAtCentre(caller.Institution)
                ? db.Referrals.AsNoTracking().Where(r => r.Recipient.Institution == InstitutionKind.Csr && r.Recipient.InstitutionCode == caller.Institution)
                : db.Referrals.AsNoTracking().Where(r => db.ReferralHolders.Any(h => h.ReferralId == r.Id && h.AccountSubject == caller.Subject));
        if (caseId is { } c)
        {
            query = query.Where(r => r.CaseId == c);
        }
        if (statusFilter is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        if (answerOverdue is true)
        {
            query = query.Where(r => r.Status == ReferralStatus.Sent && r.AnswerBy < now);
        }
        if (institutionFilter is { } kind)
        {
            query = query.Where(r => r.Recipient.Institution == kind);
        }
        var referrals = await query.OrderBy(r => r.SentAt).Take(500).ToListAsync(cancellationToken);
        var ids = referrals.Select(r => r.Id).ToList();
        var caseIds = referrals.Select(r => r.CaseId).Distinct().ToList();
        var references = await db.Cases.Where(x => caseIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Reference, cancellationToken);
        var histories = (await db.ReferralChanges.AsNoTracking().Where(c => ids.Contains(c.ReferralId)).ToListAsync(cancellationToken)).ToLookup(c => c.ReferralId);
        var chases = await db.ReferralChases.Where(c => ids.Contains(c.ReferralId)).ToDictionaryAsync(c => c.ReferralId, c => c.ChasedAt, cancellationToken);
        return TypedResults.Ok(referrals.Select(r => View(r, references[r.CaseId], histories[r.Id], chases.TryGetValue(r.Id, out var at) ? at : null, now)).ToList());
    }

    private static async Task<IResult> MoveAsync(Guid id, ReferralTransitionRequest request, HttpRequest http, HttpResponse response,
        ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var referral = (await db.Referrals.FromSql($"SELECT *, xmin FROM referrals WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
        if (referral is null)
        {
            return NotFound();
        }
        if (http.CheckIfMatch(referral.Version) is { } refused)
        {
            return refused;
        }
        var to = request.To!.Value;
        // The referring municipality revokes; the recipient answers and reports the outcome (004 §2.3).
        var caller = http.HttpContext.Caller();
        var holder = await db.ReferralHolders.Where(h => h.ReferralId == referral.Id).Select(h => h.AccountSubject).FirstOrDefaultAsync(cancellationToken);
        if (to == ReferralStatus.Revoked ? !caller.Is(PlatformRoles.ReintegrationOfficer) : !referral.Recipient.AnsweredBy(caller, holder))
        {
            return Problems.Forbidden("to", to == ReferralStatus.Revoked
                ? "Only the referring municipality revokes a referral."
                : "Only the professional or the centre the referral was sent to answers it.");
        }
        if (!referral.CanMoveTo(to))
        {
            var allowed = Referral.NextFrom(referral.Status);
            return Problems.Conflict("to", allowed.Count == 0
                ? $"The referral is {KebabCaseEnum.Name(referral.Status)}: it has ended and cannot move on."
                : $"A referral that is {KebabCaseEnum.Name(referral.Status)} can become {string.Join(" or ", allowed.Select(KebabCaseEnum.Name))}, not {KebabCaseEnum.Name(to)}.");
        }
        var now = time.GetUtcNow();
        if (request.At > now + CaseAccess.AllowedClockSkew || request.At < referral.SentAt)
        {
            return Problems.Invalid("at", "The change must fall between the referral and now.");
        }
        if (to is ReferralStatus.Rejected or ReferralStatus.Revoked && string.IsNullOrWhiteSpace(request.Note))
        {
            return Problems.Invalid("note", "Say why the referral is rejected or revoked.");
        }
        if (to == ReferralStatus.Done && string.IsNullOrWhiteSpace(request.Outcome))
        {
            return Problems.Invalid("outcome", "Record what came of the referral (004 §1.3: applications and benefits are recorded).");
        }

        var from = referral.Status;
        db.ReferralChanges.Add(referral.MoveTo(to, request.At!.Value, request.By!.Trim(), request.Note?.Trim(), request.Outcome?.Trim(), now));
        if (referral.PlanItemId is { } itemId && await db.PlanItems.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken) is { } item)
        {
            if (to is ReferralStatus.Accepted or ReferralStatus.InProgress)
            {
                item.Follow(PlanItemStatus.InProgress, now);
            }
            else if (to == ReferralStatus.Done)
            {
                item.Follow(PlanItemStatus.Done, now);
            }
        }
        var found = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == referral.CaseId, cancellationToken);
        db.Publish(new ReferralStatusChanged(referral.Id, referral.Reference, found.Id, found.Reference, found.MunicipalityCode, referral.Service,
            KebabCaseEnum.Name(from), KebabCaseEnum.Name(to), referral.Recipient.Contact(), now));
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(referral.Version);
        return TypedResults.Ok(await ViewAsync(db, referral, found.Reference, now, cancellationToken));
    }

    private static async Task<ReferralView> ViewAsync(ReintegrationDbContext db, Referral r, string caseReference, DateTimeOffset now, CancellationToken cancellationToken) =>
        View(r, caseReference, await db.ReferralChanges.AsNoTracking().Where(c => c.ReferralId == r.Id).ToListAsync(cancellationToken),
            await db.ReferralChases.Where(c => c.ReferralId == r.Id).Select(c => (DateTimeOffset?)c.ChasedAt).SingleOrDefaultAsync(cancellationToken), now);

    private static ReferralView View(Referral r, string caseReference, IEnumerable<ReferralChange> history, DateTimeOffset? chasedAt, DateTimeOffset now) =>
        new(r.Id, r.Reference, r.CaseId, caseReference, r.PlanItemId, r.Service, r.MemberIds, r.Recipient, r.Request, r.Status,
            Referral.NextFrom(r.Status), r.SentAt, r.AnswerBy, r.Status == ReferralStatus.Sent && r.AnswerBy < now, chasedAt, r.Outcome,
            history.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToList(), r.Version);

    private static IResult NotFound() => Problems.NotFound("There is no such referral.");
}
