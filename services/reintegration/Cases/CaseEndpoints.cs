using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Contracts.Reintegration;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Cases;

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup(ReintegrationService.Description.ApiPrefix + "/cases").WithTags("Cases");
        cases.MapPost("/", RegisterAsync).WithName("RegisterCase")
            .WithSummary("Register a return, a grant of status, a release or a pre-release handover: the 72-hour visit clock starts (004 §1.1)")
            .Produces<CaseView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .AllowRoles(PlatformRoles.ReintegrationOfficer, PlatformRoles.PrisonProbationOfficer).AuditCollection(HouseholdAccessRules.Case);
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase").WithSummary("A case with its household and clocks; its ETag guards changes")
            .Produces<CaseView>().Produces<PrisonCaseView>().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowRoles([PlatformRoles.ReintegrationOfficer, PlatformRoles.PrisonProbationOfficer, .. PlatformRoles.Csr]).GuardRecord(HouseholdAccessRules.Case);
        cases.MapGet("/", ListAsync).WithName("ListCases").WithSummary("A municipality's cases, optionally by state (no names)")
            .Produces<CaseSummary[]>().ProducesValidationProblem()
            .AllowRoles(PlatformRoles.ReintegrationOfficer).AuditCollection(HouseholdAccessRules.Case);
        cases.MapPost("/search", SearchAsync).WithName("SearchCases")
            .WithSummary("The municipality's cases with a household member bearing every word of the name (any script, order or case)")
            .Produces<CaseSummary[]>().ProducesValidationProblem()
            .AllowRoles(PlatformRoles.ReintegrationOfficer).AuditSearch(HouseholdAccessRules.Case);
        cases.MapPost("/{id:guid}/members", AddMemberAsync).WithName("AddHouseholdMember").WithSummary("Add a person to the household (If-Match)")
            .Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .AllowRoles(PlatformRoles.ReintegrationOfficer).GuardRecord(HouseholdAccessRules.Case);
        cases.MapPost("/{id:guid}/release", ReleaseAsync).WithName("ConfirmRelease")
            .WithSummary("A handed-over prisoner is released: the 72 hours run from the release (000 §4.3.4; If-Match)")
            .Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .AllowRoles([PlatformRoles.ReintegrationOfficer, PlatformRoles.PrisonProbationOfficer, .. PlatformRoles.Csr]).GuardRecord(HouseholdAccessRules.Case);
        cases.MapPost("/{id:guid}/erasure", EraseAsync).WithName("EraseCase")
            .WithSummary("Erase who a closed case is about and where the household lives, on an authorised request (If-Match required)")
            .Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            // A decision on a person's right (issue 24 §10), made by the municipality whose file it is.
            .AllowRoles(PlatformRoles.ReintegrationOfficer).GuardRecord(HouseholdAccessRules.Case);
        app.MapGet(ReintegrationService.Description.ApiPrefix + "/handovers", ListHandoversAsync).WithTags("Cases").WithName("ListHandovers")
            .WithSummary("The pre-release handovers addressed to the caller's centre for social work, soonest release first (000 §4.3.4; no names)")
            .Produces<CaseSummary[]>().ProducesValidationProblem()
            .AllowRoles(PlatformRoles.Csr).AuditCollection(HouseholdAccessRules.Case);
        return app;
    }

    private static async Task<IResult> RegisterAsync(RegisterCaseRequest request, ReintegrationDbContext db, NameSearch nameSearch, TimeProvider time, HttpContext http,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Check(request, now) is { } invalid)
        {
            return invalid;
        }
        var kind = request.ArrivalKind!.Value;
        // The municipality registers its own households; a prison hands a prisoner over to any (000 §4.3.4).
        var caller = http.Caller();
        if (!HouseholdAccessRules.IsOfficerOf(caller, request.MunicipalityCode!)
            && !(caller.Is(PlatformRoles.PrisonProbationOfficer) && CategoryRules.FromPrison(kind)))
        {
            return caller.Is(PlatformRoles.PrisonProbationOfficer)
                ? Problems.Forbidden("arrivalKind", "A prison or probation office registers releases and pre-release handovers only.")
                : Problems.Forbidden("municipalityCode", "A household is registered by its own municipality.");
        }
        var prison = CategoryRules.FromPrison(kind) ? request.Prison : null;

        // The reference number, the case, its household and its event commit together or not at all.
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var number = await YearlyNumbering.NextAsync(db, request.MunicipalityCode!, now.Year, cancellationToken);
        var registered = ReintegrationCase.Register($"RI-{request.MunicipalityCode}-{now.Year}-{number:D5}", request.MunicipalityCode!, request.CsrCode,
            request.Category!.Value, kind, request.ArrivalAt!.Value, prison?.Name?.Trim(),
            kind == ArrivalKind.PreReleaseHandover ? prison!.HandedOverAt ?? now : null,
            new Household(request.Household!.Address!.Trim(), request.Household.Phone?.Trim()), now,
            HouseholdAccessRules.IsPrisonStaff(caller) ? caller.Institution : null);
        db.Cases.Add(registered);
        var members = request.Household.Members!.Select((m, i) => NewMember(registered, i + 1, m, nameSearch, now)).ToList();
        db.Members.AddRange(members);
        db.Publish(new ReintegrationCaseOpened(registered.Id, registered.Reference, registered.MunicipalityCode, registered.CsrCode,
            KebabCaseEnum.Name(registered.Category), KebabCaseEnum.Name(kind), registered.ArrivalAt, registered.ArrivalAt + Clocks.CaseClocks.VisitWindow, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        response.SetETag(registered.Version);
        var location = $"{ReintegrationService.Description.ApiPrefix}/cases/{registered.Id}";
        return HouseholdAccessRules.IsPrisonStaff(caller)
            ? TypedResults.Created(location, PrisonCaseView.From(registered))
            : TypedResults.Created(location, CaseView.From(registered, members, now));
    }

    private static IResult? Check(RegisterCaseRequest request, DateTimeOffset now)
    {
        var kind = request.ArrivalKind!.Value;
        if (!CategoryRules.Fits(request.Category!.Value, kind))
        {
            return Problems.Invalid("arrivalKind", $"A {KebabCaseEnum.Name(request.Category.Value)} does not arrive by {KebabCaseEnum.Name(kind)}.");
        }
        // Only a handover happens before the release it announces; every other arrival has happened already.
        if (kind != ArrivalKind.PreReleaseHandover && request.ArrivalAt > now + CaseAccess.AllowedClockSkew)
        {
            return Problems.Invalid("arrivalAt", "The return, grant of status or release cannot be in the future; register a pre-release handover instead.");
        }
        if (CategoryRules.NeedsCentre(kind) && request.CsrCode is null)
        {
            return Problems.Invalid("csrCode", "Name the centre for social work of the place of residence: it prepares the release with the prison (000 §4.3.4).");
        }
        if (CategoryRules.FromPrison(kind) && request.Prison is null)
        {
            return Problems.Invalid("prison", "Name the prison for a release or a pre-release handover.");
        }
        if (kind == ArrivalKind.PreReleaseHandover && request.Prison!.HandedOverAt is { } handed && handed > request.ArrivalAt)
        {
            return Problems.Invalid("prison.handedOverAt", "The handover comes before the release.");
        }
        var members = request.Household!.Members!;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].DateOfBirth > DateOnly.FromDateTime(now.UtcDateTime))
            {
                return Problems.Invalid($"household.members[{i}].dateOfBirth", "The date of birth cannot be in the future.");
            }
        }
        return null;
    }

    private static HouseholdMember NewMember(ReintegrationCase c, int position, MemberInput m, NameSearch nameSearch, DateTimeOffset now) => HouseholdMember.Add(c.Id,
        position, m.FullName!.Trim(), m.DateOfBirth!.Value, m.Sex!.Value, m.Relationship!.Value, m.Category ?? c.Category,
        (m.Languages ?? []).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList(), nameSearch, now);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ReintegrationDbContext db, TimeProvider time, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null)
        {
            return CaseAccess.NotFound();
        }
        response.SetETag(found.Version);
        // The prison reads no household member: it never loads them.
        return HouseholdAccessRules.IsPrisonStaff(http.Caller())
            ? TypedResults.Ok(PrisonCaseView.From(found))
            : TypedResults.Ok(CaseView.From(found, await CaseAccess.MembersAsync(db, id, cancellationToken), time.GetUtcNow()));
    }

    private static async Task<IResult> ListAsync(string? municipality, string? state, HttpContext http, ReintegrationDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        (municipality, var refused) = InstitutionScope.Own(http, municipality, "municipality");
        if (refused is not null)
        {
            return refused;
        }
        CaseState? stateFilter = null;
        if (state is not null)
        {
            if (!KebabCaseEnum.TryParse<CaseState>(state, out var parsed))
            {
                return Problems.Invalid("state", $"Unknown state; one of {KebabCaseEnum.Names<CaseState>()}.");
            }
            stateFilter = parsed;
        }
        var now = time.GetUtcNow();
        var cases = await db.Cases.AsNoTracking().Where(c => c.MunicipalityCode == municipality && (stateFilter == null || c.State == stateFilter))
            .OrderByDescending(c => c.RegisteredAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(cases.Select(c => CaseSummary.From(c, now)).ToList());
    }

    private static async Task<IResult> ListHandoversAsync(string? centre, bool? released, HttpContext http, ReintegrationDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        (centre, var refused) = InstitutionScope.Own(http, centre, "centre");
        if (refused is not null)
        {
            return refused;
        }
        var now = time.GetUtcNow();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.ArrivalKind == ArrivalKind.PreReleaseHandover && c.CsrCode == centre
                && (released == null || (c.ReleaseConfirmedAt != null) == released))
            .OrderBy(c => c.ArrivalAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(cases.Select(c => CaseSummary.From(c, now)).ToList());
    }

    private static async Task<IResult> SearchAsync(CaseSearchRequest request, HttpContext http, ReintegrationDbContext db, NameSearch nameSearch, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (municipality, refused) = InstitutionScope.Own(http, request.Municipality, "municipality");
        if (refused is not null)
        {
            return refused;
        }
        var words = nameSearch.QueryTokens(request.Name!);
        if (words.Count == 0)
        {
            return Problems.Invalid("name", "Give at least one word of two or more letters.");
        }
        var members = db.Members.AsQueryable();
        foreach (var word in words)
        {
            members = members.Where(m => m.NameTokens.Contains(word));
        }
        var now = time.GetUtcNow();
        var cases = await db.Cases.AsNoTracking().Where(c => c.MunicipalityCode == municipality && members.Any(m => m.CaseId == c.Id))
            .OrderByDescending(c => c.RegisteredAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(cases.Select(c => CaseSummary.From(c, now)).ToList());
    }

    private static async Task<IResult> AddMemberAsync(Guid id, MemberInput request, HttpRequest http, HttpResponse response, ReintegrationDbContext db,
        NameSearch nameSearch, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        if (request.DateOfBirth > DateOnly.FromDateTime(now.UtcDateTime))
        {
            return Problems.Invalid("dateOfBirth", "The date of birth cannot be in the future.");
        }
        var position = await db.Members.Where(m => m.CaseId == id).MaxAsync(m => m.Position, cancellationToken) + 1;
        db.Members.Add(NewMember(found, position, request, nameSearch, now));
        found.Touch(now);
        return await SaveAsync(db, found, response, now, cancellationToken);
    }

    private static async Task<IResult> ReleaseAsync(Guid id, ReleaseRequest request, HttpRequest http, HttpResponse response, ReintegrationDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }
        if (found.ArrivalKind != ArrivalKind.PreReleaseHandover || found.ReleaseConfirmedAt is not null)
        {
            return Problems.Conflict("releasedAt", "Only a pre-release handover awaits its release, and only once.");
        }
        var now = time.GetUtcNow();
        if (request.ReleasedAt > now + CaseAccess.AllowedClockSkew || request.ReleasedAt < found.HandedOverAt)
        {
            return Problems.Invalid("releasedAt", "The release must fall between the handover and now.");
        }
        found.ConfirmRelease(request.ReleasedAt!.Value, now);
        if (HouseholdAccessRules.IsPrisonStaff(http.HttpContext.Caller()))
        {
            return await CaseAccess.CommitAsync(db, found, response, cancellationToken) is { } stale ? stale : TypedResults.Ok(PrisonCaseView.From(found));
        }
        return await SaveAsync(db, found, response, now, cancellationToken);
    }

    private static async Task<IResult> EraseAsync(Guid id, ErasureRequest request, HttpRequest http, HttpResponse response, ReintegrationDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Check() is { } invalid)
        {
            return Problems.For(invalid);
        }
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseAccess.LockForChangeAsync(db, id, http, cancellationToken, requireOpen: false);
        if (found is null)
        {
            return refusal!;
        }
        if (found.CheckErasable() is { } broken)
        {
            return Problems.For(broken);
        }
        var now = time.GetUtcNow();
        await CaseErasure.EraseAsync(db, found, request.Ground!.Value, now, cancellationToken);
        return await SaveAsync(db, found, response, now, cancellationToken);
    }

    private static async Task<IResult> SaveAsync(ReintegrationDbContext db, ReintegrationCase found, HttpResponse response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await CaseAccess.CommitAsync(db, found, response, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(CaseView.From(found, await CaseAccess.MembersAsync(db, found.Id, cancellationToken), now));
    }
}
