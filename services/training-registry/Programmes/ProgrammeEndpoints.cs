using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.ServiceDefaults.Security;
using Safeguard.TrainingRegistry.Access;
using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.Programmes;

public sealed class CreateProgrammeRequest
{
    [Required, StringLength(300, MinimumLength = 3)]
    public string? Title { get; init; }

    [StringLength(2000)]
    public string? Description { get; init; }

    [Required]
    public ProgrammeKind? Kind { get; init; }

    /// <summary>The action-plan activities the programme serves, e.g. ["1.1.1"].</summary>
    [Required, MinLength(1), MaxLength(20)]
    public List<string>? ActivityCodes { get; init; }

    [Required, MinLength(1), MaxLength(15)]
    public List<TargetGroup>? TargetGroups { get; init; }

    /// <summary>Required for a training of trainers: the programme its graduates will deliver.</summary>
    public Guid? TrainsTrainersFor { get; init; }
}

/// <summary>A person in a programme's trainer pool.</summary>
public sealed record PoolTrainer(Guid ParticipantId, string FullName, string Institution, DateTimeOffset CertifiedAt, Guid ViaSessionId);

public static class ProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TrainingRegistryService.Description.ApiPrefix + "/programmes").WithTags("Programmes").AllowRoles(PlatformRoles.TrainingAdmin);
        group.MapPost("/", CreateAsync).WithName("CreateProgramme").WithSummary("A training programme and the activities it serves")
            .Produces<Programme>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/", async (TrainingRegistryDbContext db, CancellationToken ct) => TypedResults.Ok(await db.Programmes.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(ct)))
            .WithName("ListProgrammes").WithSummary("Every programme");
        group.MapGet("/{id:guid}", async (Guid id, TrainingRegistryDbContext db, CancellationToken ct) =>
                await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } found ? Results.Ok(found) : NotFound())
            .WithName("GetProgramme").WithSummary("One training programme").Produces<Programme>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/trainers", PoolAsync).WithName("ListTrainerPool")
            .WithSummary("The certified trainers who may deliver the programme (those who completed its training of trainers)").Produces<PoolTrainer[]>();
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateProgrammeRequest request, TrainingRegistryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var codes = request.ActivityCodes!.Select(c => c.Trim()).ToList();
        var known = await db.Activities.Where(a => codes.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < codes.Count; i++)
        {
            if (!known.Contains(codes[i]))
            {
                return Problems.Invalid($"activityCodes[{i}]", "The action plan has no such activity.");
            }
        }
        if (request.Kind == ProgrammeKind.TrainingOfTrainers)
        {
            if (request.TrainsTrainersFor is not { } target || !await db.Programmes.AnyAsync(p => p.Id == target, cancellationToken))
            {
                return Problems.Invalid("trainsTrainersFor", "A training of trainers names an existing programme its graduates will deliver.");
            }
        }
        else if (request.TrainsTrainersFor is not null)
        {
            return Problems.Invalid("trainsTrainersFor", "Only a training of trainers makes trainers.");
        }
        var programme = Programme.Create(request.Title!.Trim(), request.Description?.Trim(), request.Kind!.Value, codes.Distinct().ToList(),
            request.TargetGroups!.Distinct().ToList(), request.TrainsTrainersFor, time.GetUtcNow());
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{TrainingRegistryService.Description.ApiPrefix}/programmes/{programme.Id}", programme);
    }

    private static async Task<IResult> PoolAsync(Guid id, TrainingRegistryDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return NotFound();
        }
        var pool = await (from t in db.Trainers.AsNoTracking()
                          join p in db.Participants.AsNoTracking() on t.ParticipantId equals p.Id
                          where t.ProgrammeId == id
                          orderby t.CertifiedAt
                          select new PoolTrainer(p.Id, p.FullName, p.Institution, t.CertifiedAt, t.ViaSessionId)).ToListAsync(cancellationToken);
        return TypedResults.Ok(pool);
    }

    private static IResult NotFound() => Problems.NotFound("There is no such programme.");
}
