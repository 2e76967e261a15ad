using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.RiskAssessment.Consent;

public static class ConsentEndpoints
{
    public static IEndpointRouteBuilder MapConsentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RiskAssessmentService.Description.ApiPrefix + "/cases/{caseId:guid}/consents").WithTags("Consent")
            .AllowRoles(PlatformRoles.Csr).GuardRecord(CaseAccessRules.Case, "caseId");
        group.MapPost("/", GiveAsync).WithName("GiveConsent").WithSummary("Record a signed Annex 2 consent (If-Match: the case's ETag)")
            .Produces<ConsentRecordView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/withdrawal", WithdrawAsync).WithName("WithdrawConsent").WithSummary("Record that the victim withdrew her consent (Art. 22)")
            .Produces<ConsentRecordView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{consentId:guid}/follow-up", FollowUpAsync).WithName("FollowUpRefusal")
            .WithSummary("Record that her reasons for refusing the team were assessed and psychosocial support offered (Art. 22; If-Match: the case's ETag)")
            .Produces<ConsentRecordView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/", HistoryAsync).WithName("ListConsents").WithSummary("Every consent and withdrawal, oldest first")
            .Produces<ConsentRecordView[]>();
        return app;
    }

    private static async Task<IResult> GiveAsync(
        Guid caseId, GiveConsentRequest request, HttpRequest http, HttpResponse response, RiskAssessmentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        CheckAllOf("informedOfRights", request.InformedOfRights!, ConsentCatalogue.Rights, "Art. 6 and Annex 2 §1: she is informed of every right before she decides", errors);
        CheckAllOf("informedOfMeasures", request.InformedOfMeasures!, ConsentCatalogue.Measures, "Art. 11 and Annex 2 §2: she is informed of every measure before she decides", errors);
        var unknownConsented = request.ConsentedMeasures!.Except(ConsentCatalogue.Measures).ToArray();
        if (unknownConsented.Length > 0)
        {
            errors["consentedMeasures"] = [$"Unknown measure(s): {string.Join(", ", unknownConsented)}. Known: {string.Join(", ", ConsentCatalogue.Measures)}."];
        }
        if (request.SignedAt > now + CaseEndpoints.AllowedClockSkew)
        {
            errors["signedAt"] = ["A consent cannot be signed in the future."];
        }
        var professionals = request.Professionals!.Select(p => p.Trim()).ToArray();
        if (professionals.Any(p => p.Length < 2 || p.Length > 200))
        {
            errors["professionals"] = ["Name each professional who took part and signed (Annex 2 §3)."];
        }
        var details = new ConsentFormDetails(string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim(),
            request.RightNotes ?? [], request.MeasureRows ?? []);
        foreach (var (field, messages) in details.Check(request.SignedAt!.Value))
        {
            errors[field] = messages;
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseGuard.LoadForChangeAsync(db, caseId, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var record = ConsentRecord.Given(caseId, request.SignedAt!.Value, request.RecordedBy!.Trim(), request.InformedOfRights!.Distinct().ToArray(),
            request.InformedOfMeasures!.Distinct().ToArray(), request.ConsentedMeasures!.Distinct().ToArray(), request.ConsentToTeamAndSafetyPlan!.Value, now, professionals, details);
        var latest = await ConsentStatus.LatestAsync(db, caseId, cancellationToken);
        return await SaveAsync(db, found!, record, latest, response, now, cancellationToken);
    }

    private static async Task<IResult> WithdrawAsync(
        Guid caseId, WithdrawConsentRequest request, HttpRequest http, HttpResponse response, RiskAssessmentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request.WithdrawnAt > now + CaseEndpoints.AllowedClockSkew)
        {
            return CaseGuard.Invalid("withdrawnAt", "A withdrawal cannot be dated in the future.");
        }
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseGuard.LoadForChangeAsync(db, caseId, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var latest = await ConsentStatus.LatestAsync(db, caseId, cancellationToken);
        var (record, broken) = ConsentRecord.Withdraw(latest, caseId, request.WithdrawnAt!.Value, request.RecordedBy!.Trim(), request.Reason!.Trim(),
            request.PsychosocialSupportOffered!.Value, now);
        if (broken is not null)
        {
            return Problems.For(broken);
        }
        return await SaveAsync(db, found!, record!, latest, response, now, cancellationToken);
    }

    private static async Task<IResult> FollowUpAsync(
        Guid caseId, Guid consentId, RefusalFollowUpRequest request, HttpRequest http, HttpResponse response, RiskAssessmentDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseGuard.LoadForChangeAsync(db, caseId, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var record = await db.ConsentRecords.SingleOrDefaultAsync(r => r.Id == consentId && r.CaseId == caseId, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound("There is no such consent record on this case.");
        }
        if (record.RecordFollowUp(request.RecordedBy!.Trim(), request.Reasons!.Trim(), request.PsychosocialSupportOffered!.Value, now) is { } broken)
        {
            return Problems.For(broken);
        }
        found!.NoteConsentChange(now);
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(found.Version);
        return TypedResults.Ok(ConsentRecordView.From(record));
    }

    /// <summary>Saves inside the caller's transaction, which holds the case's row lock.</summary>
    /// <remarks>
    /// The event states where consent stands after this record (a form signed before the one in force changes
    /// nothing but the history), with the signing time so safety-plan keeps the latest whatever the arrival order.
    /// </remarks>
    private static async Task<IResult> SaveAsync(RiskAssessmentDbContext db, Case c, ConsentRecord record, ConsentRecord? previous, HttpResponse response,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ConsentRecords.Add(record);
        c.NoteConsentChange(now);
        var summary = ConsentStatus.Summarize(c, ConsentStatus.Latest([previous, record]));
        db.Publish(new VictimConsentChanged(c.Id, c.Reference, c.CentreCode, summary.Status, summary.ConsentToTeamAndSafetyPlan,
            summary.ConsentedMeasures, c.ProtectionWithoutConsent, now, summary.Team, summary.SignedAt));
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(c.Version);
        return TypedResults.Created($"{RiskAssessmentService.Description.ApiPrefix}/cases/{c.Id}/consents", ConsentRecordView.From(record));
    }

    private static async Task<IResult> HistoryAsync(Guid caseId, RiskAssessmentDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            return CaseGuard.NotFound();
        }
        var records = await db.ConsentRecords.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(records.Select(ConsentRecordView.From).ToArray());
    }

    private static void CheckAllOf(string field, string[] given, IReadOnlyList<string> all, string rule, Dictionary<string, string[]> errors)
    {
        var unknown = given.Except(all).ToArray();
        var missing = all.Except(given).ToArray();
        var messages = new List<string>();
        if (unknown.Length > 0)
        {
            messages.Add($"Unknown: {string.Join(", ", unknown)}.");
        }
        if (missing.Length > 0)
        {
            messages.Add($"Missing: {string.Join(", ", missing)} ({rule}).");
        }
        if (messages.Count > 0)
        {
            errors[field] = [.. messages];
        }
    }
}
