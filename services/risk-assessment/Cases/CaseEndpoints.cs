using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.RiskAssessment.Consent;
using Safeguard.RiskAssessment.Persistence;
using Safeguard.RiskAssessment.Risk;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.RiskAssessment.Cases;

public sealed class CloseCaseRequest
{
    [Required, StringLength(1000, MinimumLength = 5)]
    public string? Reason { get; init; }
}

/// <summary>A name search travels in a body, never in a URL that proxies, logs and histories keep.</summary>
public sealed class CaseSearchRequest
{
    /// <summary>The victim's or a household member's name, or some of its words, in any script.</summary>
    [Required, StringLength(200, MinimumLength = 2)]
    public string? Name { get; init; }

    /// <summary>The caller's centre (the default); another centre is refused.</summary>
    public string? Centre { get; init; }
}

public static class CaseEndpoints
{
    /// <summary>Clocks of reporting institutions drift; a time this far ahead is still accepted.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup(RiskAssessmentService.Description.ApiPrefix + "/cases").WithTags("Cases");
        cases.MapPost("/", OpenAsync).WithName("OpenCase").WithSummary("Open a case of reported violence (Art. 5: assessment due within 12 hours)")
            .Produces<CaseView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .AuditCollection(CaseAccessRules.Case);
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase").WithSummary("Read one case; its ETag guards later changes")
            .Produces<CaseView>().ProducesProblem(StatusCodes.Status404NotFound)
            .GuardRecord(CaseAccessRules.Case);
        cases.MapGet("/", ListAsync).WithName("ListCases")
            .WithSummary("The caller's centre's cases, newest first, filtered by state, risk level and overdue assessment")
            .Produces<CaseView[]>().AuditCollection(CaseAccessRules.Case);
        cases.MapPost("/search", SearchAsync).WithName("SearchCases")
            .WithSummary("The caller's centre's cases whose victim or household member bears every word of the name (any script, order or case)")
            .Produces<CaseView[]>().ProducesValidationProblem().AuditSearch(CaseAccessRules.Case);
        cases.MapPost("/{id:guid}/closure", CloseAsync).WithName("CloseCase").WithSummary("Close a case (If-Match required)")
            .Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .GuardRecord(CaseAccessRules.Case);
        cases.MapPost("/{id:guid}/erasure", EraseAsync).WithName("EraseCase")
            .WithSummary("Erase who a closed case is about, on an authorised request (If-Match required; supervisors only)")
            .Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .GuardRecord(CaseAccessRules.Case)
            // A decision on a person's right (issue 24 §10): the centre's supervisor makes it, never alone a case worker.
            .AllowRoles(PlatformRoles.CsrSupervisor);
        // Cases are the centre's (Rulebook Art. 5): only its case workers and supervisors reach them.
        cases.AllowRoles(PlatformRoles.Csr);
        return app;
    }

    private static async Task<IResult> OpenAsync(
        OpenCaseRequest request, RiskAssessmentDbContext db, NameSearch nameSearch, TimeProvider time, HttpContext http, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!http.Caller().WorksAtCentre(request.CentreCode!))
        {
            return Problems.Forbidden("centreCode", "A case is opened by the centre that owns it; this is not your centre.");
        }
        var now = time.GetUtcNow();
        if (request.LearnedAt > now + AllowedClockSkew)
        {
            return CaseGuard.Invalid("learnedAt", "The centre cannot have learned of the violence in the future.");
        }

        var victim = new Victim(request.Victim!.FullName!.Trim(), request.Victim.Category!.Value, request.Victim.DateOfBirth);
        var household = (request.Household ?? []).Select(m => new HouseholdMember(m.FullName!.Trim(), m.Relation!.Trim(), m.IsChild));
        var perpetrator = request.Perpetrator is { } p ? new Perpetrator(p.FullName!.Trim(), p.RelationToVictim!.Trim()) : null;

        // The reference number, the case and its event commit together or not at all.
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var reference = await CaseReference.NextAsync(db, request.CentreCode!, now.Year, cancellationToken);
        var opened = Case.Open(reference, request.ReportedBy!.Value, request.LearnedAt!.Value, now, victim, household, perpetrator, nameSearch);
        db.Cases.Add(opened);
        db.Publish(new CaseOpened(
            opened.Id,
            opened.Reference,
            opened.CentreCode,
            opened.ReportedBy.ToString().ToLowerInvariant(),
            opened.LearnedAt,
            opened.AssessmentDueAt,
            now,
            opened.ProtectionWithoutConsent));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        response.SetETag(opened.Version);
        return TypedResults.Created($"{RiskAssessmentService.Description.ApiPrefix}/cases/{opened.Id}",
            CaseView.From(opened, now, ConsentStatus.Summarize(opened, null)));
    }

    private static async Task<IResult> GetAsync(Guid id, RiskAssessmentDbContext db, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null)
        {
            return CaseGuard.NotFound();
        }
        var consent = await ConsentStatus.LatestAsync(db, id, cancellationToken);
        response.SetETag(found.Version);
        return TypedResults.Ok(CaseView.From(found, time.GetUtcNow(), ConsentStatus.Summarize(found, consent)));
    }

    private static async Task<IResult> ListAsync(
        RiskAssessmentDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken,
        [FromQuery] string? centre, [FromQuery] string? state, [FromQuery] string? riskLevel, [FromQuery] bool? overdue)
    {
        (centre, var refused) = InstitutionScope.Own(http, centre, "centre");
        if (refused is not null)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        CaseState? stateFilter = null;
        RiskLevel? levelFilter = null;
        if (state is not null)
        {
            if (KebabCaseEnum.TryParse<CaseState>(state, out var parsed)) stateFilter = parsed;
            else errors["state"] = [$"Unknown state; one of {KebabCaseEnum.Names<CaseState>()}."];
        }
        if (riskLevel is not null)
        {
            if (KebabCaseEnum.TryParse<RiskLevel>(riskLevel, out var parsed)) levelFilter = parsed;
            else errors["riskLevel"] = [$"Unknown risk level; one of {KebabCaseEnum.Names<RiskLevel>()}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrEmpty(centre))
        {
            query = query.Where(c => c.CentreCode == centre);
        }
        if (stateFilter is { } s)
        {
            query = query.Where(c => c.State == s);
        }
        if (levelFilter is { } level)
        {
            query = query.Where(c => c.RiskLevel == level);
        }
        if (overdue is true)
        {
            // Art. 5: no assessment yet, 12 hours passed.
            query = query.Where(c => c.FirstAssessedAt == null && c.State != CaseState.Closed && c.AssessmentDueAt <= now);
        }
        else if (overdue is false)
        {
            query = query.Where(c => !(c.FirstAssessedAt == null && c.State != CaseState.Closed && c.AssessmentDueAt <= now));
        }

        return TypedResults.Ok(await ViewsAsync(db, query, now, cancellationToken));
    }

    private static async Task<IResult> SearchAsync(
        CaseSearchRequest request, RiskAssessmentDbContext db, NameSearch nameSearch, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var (centre, refused) = InstitutionScope.Own(http, request.Centre, "centre");
        if (refused is not null)
        {
            return refused;
        }
        var words = nameSearch.QueryTokens(request.Name!);
        if (words.Count == 0)
        {
            return CaseGuard.Invalid("name", "Give at least one word of two or more letters.");
        }
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrEmpty(centre))
        {
            query = query.Where(c => c.CentreCode == centre);
        }
        foreach (var word in words)
        {
            query = query.Where(c => c.NameTokens.Contains(word));
        }
        return TypedResults.Ok(await ViewsAsync(db, query, time.GetUtcNow(), cancellationToken));
    }

    private static async Task<CaseView[]> ViewsAsync(RiskAssessmentDbContext db, IQueryable<Case> query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var page = await query.OrderByDescending(c => c.OpenedAt).Take(200).ToListAsync(cancellationToken);
        var ids = page.Select(c => c.Id).ToList();
        var consents = (await db.ConsentRecords.AsNoTracking().Where(r => ids.Contains(r.CaseId)).ToListAsync(cancellationToken))
            .GroupBy(r => r.CaseId)
            .ToDictionary(g => g.Key, g => ConsentStatus.Latest(g));
        return page.Select(c => CaseView.From(c, now, ConsentStatus.Summarize(c, consents.GetValueOrDefault(c.Id)))).ToArray();
    }

    private static async Task<IResult> CloseAsync(
        Guid id, CloseCaseRequest request, HttpRequest http, HttpResponse response, RiskAssessmentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseGuard.LoadForChangeAsync(db, id, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var planLive = await db.CaseSafetyPlans.AnyAsync(p => p.CaseId == id && p.Live, cancellationToken);
        if (found!.CheckClosable(planLive) is { } broken)
        {
            return Problems.For(broken);
        }
        var now = time.GetUtcNow();
        found.Close(request.Reason!.Trim(), now);
        db.Publish(new CaseClosed(found.Id, found.Reference, found.CentreCode, now));
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(found.Version);
        var consent = await ConsentStatus.LatestAsync(db, id, cancellationToken);
        return TypedResults.Ok(CaseView.From(found, now, ConsentStatus.Summarize(found, consent)));
    }

    private static async Task<IResult> EraseAsync(
        Guid id, ErasureRequest request, HttpRequest http, HttpResponse response, RiskAssessmentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Check() is { } invalid)
        {
            return Problems.For(invalid);
        }
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseGuard.LoadForChangeAsync(db, id, http, cancellationToken, requireOpen: false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (found!.CheckErasable() is { } broken)
        {
            return Problems.For(broken);
        }
        var now = time.GetUtcNow();
        await CaseErasure.EraseAsync(db, found, request.Ground!.Value, now, cancellationToken);
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(found.Version);
        var consent = await ConsentStatus.LatestAsync(db, id, cancellationToken);
        return TypedResults.Ok(CaseView.From(found, now, ConsentStatus.Summarize(found, consent)));
    }
}
