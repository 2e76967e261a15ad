using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.ServiceDefaults.Security;
using Safeguard.TrainingRegistry.Access;
using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.Participants;

public sealed class RegisterParticipantRequest
{
    [Required, StringLength(200, MinimumLength = 3)]
    public string? FullName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    [Required, EmailAddress, StringLength(254)]
    public string? Email { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? Institution { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? Position { get; init; }

    [Required]
    public TargetGroup? TargetGroup { get; init; }

    [RegularExpression("^(mk|sq|sr|en)$", ErrorMessage = "The language must be mk, sq, sr or en.")]
    public string? Language { get; init; }

    /// <summary>The registrar checked the person the registry took for a duplicate and found someone else.</summary>
    public bool NotADuplicate { get; init; }
}

/// <summary>A completed training of a participant.</summary>
public sealed record CompletedTraining(Guid SessionId, string ProgrammeTitle, string ActivityCode, DateOnly EndsOn, string CertificateNumber, DateTimeOffset CompletedAt);

public static class ParticipantEndpoints
{
    public static IEndpointRouteBuilder MapParticipantEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TrainingRegistryService.Description.ApiPrefix + "/participants").WithTags("Participants").AllowRoles(PlatformRoles.TrainingAdmin);
        group.MapPost("/", RegisterAsync).WithName("RegisterParticipant")
            .WithSummary("Register a professional; a probable duplicate (same e-mail, or same folded name and birth date) is refused with its id")
            .Produces<Participant>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .AuditCollection(ParticipantAccessRules.Participant);
        group.MapGet("/{id:guid}", async (Guid id, TrainingRegistryDbContext db, CancellationToken ct) =>
                await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } found ? Results.Ok(found) : NotFound())
            .WithName("GetParticipant").WithSummary("One participant (her trainings are listed apart)").Produces<Participant>().ProducesProblem(StatusCodes.Status404NotFound)
            .GuardRecord(ParticipantAccessRules.Participant);
        group.MapGet("/", SearchAsync).WithName("SearchParticipants").WithSummary("Participants by name (any script or spelling) or institution")
            .Produces<Participant[]>().ProducesValidationProblem().AuditCollection(ParticipantAccessRules.Participant);
        group.MapGet("/{id:guid}/trainings", TrainingsAsync).WithName("ListParticipantTrainings").WithSummary("The trainings a participant completed, with certificates")
            .Produces<CompletedTraining[]>().GuardRecord(ParticipantAccessRules.Participant);
        group.MapPost("/{id:guid}/erasure", EraseAsync).WithName("EraseParticipant")
            .WithSummary("Erase who a participant is, on an authorised request; her enrolments and certificates stay for the indicators")
            .Produces<Participant>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .GuardRecord(ParticipantAccessRules.Participant);
        return app;
    }

    private static async Task<IResult> RegisterAsync(RegisterParticipantRequest request, TrainingRegistryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var participant = Participant.Register(request.FullName!.Trim(), request.DateOfBirth, request.Email!.Trim(), request.Institution!.Trim(),
            request.Position!.Trim(), request.TargetGroup!.Value, request.Language ?? "en", time.GetUtcNow());
        // One e-mail is one person; the same folded name is one person unless both birth dates are known and differ.
        var duplicate = await db.Participants.AsNoTracking()
            .Where(p => p.Email == participant.Email ||
                        (p.NameKey == participant.NameKey && (p.DateOfBirth == null || participant.DateOfBirth == null || p.DateOfBirth == participant.DateOfBirth)))
            .OrderBy(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (duplicate is not null && (duplicate.Email == participant.Email || !request.NotADuplicate))
        {
            var field = duplicate.Email == participant.Email ? "email" : "fullName";
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This person seems to be registered already.",
                detail: field == "email" ? "Another participant has this e-mail." : "A participant with the same name (in any script or spelling) is registered; send notADuplicate=true if this is someone else.",
                extensions: new Dictionary<string, object?>
                {
                    ["duplicateOf"] = duplicate.Id,
                    ["errors"] = new Dictionary<string, string[]> { [field] = ["This person seems to be registered already."] },
                });
        }
        db.Participants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{TrainingRegistryService.Description.ApiPrefix}/participants/{participant.Id}", participant);
    }

    private static async Task<IResult> SearchAsync(string? name, string? institution, TrainingRegistryDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(institution))
        {
            return Problems.Invalid("name", "Search by name or institution.");
        }
        // Erased participants are counted, never found.
        var query = db.Participants.AsNoTracking().Where(p => p.ErasedAt == null);
        if (!string.IsNullOrWhiteSpace(name))
        {
            var key = NameKey.Of(name);
            query = query.Where(p => p.NameKey == key);
        }
        if (!string.IsNullOrWhiteSpace(institution))
        {
            query = query.Where(p => p.Institution == institution.Trim());
        }
        return TypedResults.Ok(await query.OrderBy(p => p.FullName).Take(200).ToListAsync(cancellationToken));
    }

    private static async Task<IResult> TrainingsAsync(Guid id, TrainingRegistryDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Participants.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return NotFound();
        }
        var done = await (from e in db.Enrolments.AsNoTracking()
                          join s in db.Sessions.AsNoTracking() on e.SessionId equals s.Id
                          join p in db.Programmes.AsNoTracking() on s.ProgrammeId equals p.Id
                          where e.ParticipantId == id && e.CompletedAt != null
                          orderby e.CompletedAt
                          select new CompletedTraining(s.Id, p.Title, s.ActivityCode, s.EndsOn, e.CertificateNumber!, e.CompletedAt!.Value)).ToListAsync(cancellationToken);
        return TypedResults.Ok(done);
    }

    private static async Task<IResult> EraseAsync(Guid id, ErasureRequest request, TrainingRegistryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Check() is { } invalid)
        {
            return Problems.For(invalid);
        }
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var found = (await db.Participants.FromSql($"SELECT *, xmin FROM participants WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
        if (found is null)
        {
            return NotFound();
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var takesPart = !await ParticipantActivity.FreeAfter(db, today.AddDays(-1)).AnyAsync(p => p.Id == id, cancellationToken);
        if (found.CheckErasable(takesPart) is { } broken)
        {
            return Problems.For(broken);
        }
        found.Erase(request.Ground!.Value, time.GetUtcNow());
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(found);
    }

    private static IResult NotFound() => Problems.NotFound("There is no such participant.");
}
