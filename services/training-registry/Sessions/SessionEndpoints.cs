using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.ServiceDefaults.Security;
using Safeguard.TrainingRegistry.Access;
using Safeguard.TrainingRegistry.Persistence;
using Safeguard.TrainingRegistry.Programmes;

namespace Safeguard.TrainingRegistry.Sessions;

/// <summary>Sessions: scheduling inside the activity's timeframe with trainers from the pool, changes and cancellation (issue 8 §2, 5).</summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TrainingRegistryService.Description.ApiPrefix + "/sessions").WithTags("Sessions").AllowRoles(PlatformRoles.TrainingAdmin);
        group.MapPost("/", ScheduleAsync).WithName("ScheduleSession")
            .WithSummary("Schedule a session inside its activity's timeframe, with trainers from the programme's pool; the trainers are invited")
            .Produces<SessionView>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSession").WithSummary("A session with its enrolments; its ETag guards changes")
            .Produces<SessionView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", ChangeAsync).WithName("ChangeSession").WithSummary("Change dates, place, capacity or trainers; everyone is told (If-Match)")
            .Produces<SessionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/cancellation", CancelAsync).WithName("CancelSession").WithSummary("Cancel the session; everyone is told (If-Match)")
            .Produces<SessionView>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    private static async Task<IResult> ScheduleAsync(ScheduleSessionRequest request, TrainingRegistryDbContext db, TimeProvider time, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.ProgrammeId, cancellationToken);
        if (programme is null)
        {
            return Problems.Invalid("programmeId", "There is no such programme.");
        }
        if (!programme.ActivityCodes.Contains(request.ActivityCode!))
        {
            return Problems.Invalid("activityCode", $"The programme serves {string.Join(", ", programme.ActivityCodes)}, not this activity.");
        }
        if (await CheckTermsAsync(db, programme, request.ActivityCode!, request.Terms!, "terms", cancellationToken) is { } invalid)
        {
            return invalid;
        }
        var now = time.GetUtcNow();
        var t = request.Terms!;
        var session = Session.Schedule(programme.Id, request.ActivityCode!, t.StartsOn!.Value, t.EndsOn!.Value, t.Place!.Trim(), t.Capacity!.Value,
            t.TrainerIds!.Distinct().ToList(), now);
        db.Sessions.Add(session);
        await SessionAccess.InviteAsync(db, session, programme, "scheduled", session.TrainerIds, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        response.SetETag(session.Version);
        return TypedResults.Created($"{TrainingRegistryService.Description.ApiPrefix}/sessions/{session.Id}", await SessionAccess.ViewAsync(db, session, programme, cancellationToken));
    }

    /// <summary>
    /// A session's days fall inside its activity's timeframe, and its trainers are registered people who, when the
    /// programme has a training of trainers, are in that programme's pool.
    /// </summary>
    private static async Task<IResult?> CheckTermsAsync(TrainingRegistryDbContext db, Programme programme, string activityCode, SessionTerms terms, string prefix,
        CancellationToken cancellationToken)
    {
        if (terms.EndsOn < terms.StartsOn)
        {
            return Problems.Invalid($"{prefix}.endsOn", "The session cannot end before it starts.");
        }
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Code == activityCode, cancellationToken);
        if (!activity.Covers(terms.StartsOn!.Value, terms.EndsOn!.Value))
        {
            return Problems.Invalid($"{prefix}.startsOn", $"The session falls outside activity {activity.Code}'s timeframe ({activity.Timeframe}).");
        }
        var hasPool = await db.Programmes.AnyAsync(p => p.TrainsTrainersFor == programme.Id, cancellationToken);
        var trainers = terms.TrainerIds!;
        var registered = await db.Participants.Where(p => trainers.Contains(p.Id) && p.ErasedAt == null).Select(p => p.Id).ToListAsync(cancellationToken);
        var pool = await db.Trainers.Where(t => t.ProgrammeId == programme.Id && trainers.Contains(t.ParticipantId)).Select(t => t.ParticipantId).ToListAsync(cancellationToken);
        for (var i = 0; i < trainers.Count; i++)
        {
            if (!registered.Contains(trainers[i]))
            {
                return Problems.Invalid($"{prefix}.trainerIds[{i}]", "There is no such participant.");
            }
            if (hasPool && !pool.Contains(trainers[i]))
            {
                return Problems.Invalid($"{prefix}.trainerIds[{i}]", "This person is not in the programme's trainer pool: only graduates of its training of trainers deliver it.");
            }
        }
        return null;
    }

    private static async Task<IResult> GetAsync(Guid id, TrainingRegistryDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return SessionAccess.NotFound();
        }
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == session.ProgrammeId, cancellationToken);
        response.SetETag(session.Version);
        return TypedResults.Ok(await SessionAccess.ViewAsync(db, session, programme, cancellationToken));
    }

    private static async Task<IResult> ChangeAsync(Guid id, SessionTerms request, HttpRequest http, HttpResponse response, TrainingRegistryDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (session, programme, refusal) = await SessionAccess.LockAsync(db, id, http, requireIfMatch: true, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }
        if (await CheckTermsAsync(db, programme!, session.ActivityCode, request, "", cancellationToken) is { } invalid)
        {
            return invalid;
        }
        var enrolled = await db.Enrolments.Where(e => e.SessionId == id).Select(e => e.ParticipantId).ToListAsync(cancellationToken);
        if (request.Capacity < enrolled.Count)
        {
            return Problems.Conflict("capacity", $"{enrolled.Count} people are enrolled already.");
        }
        var now = time.GetUtcNow();
        session.Change(request.StartsOn!.Value, request.EndsOn!.Value, request.Place!.Trim(), request.Capacity!.Value, request.TrainerIds!.Distinct().ToList(), now);
        await SessionAccess.InviteAsync(db, session, programme!, "changed", session.TrainerIds.Concat(enrolled).ToList(), now, cancellationToken);
        return await SessionAccess.CommitAsync(db, session, programme!, response, cancellationToken);
    }

    private static async Task<IResult> CancelAsync(Guid id, HttpRequest http, HttpResponse response, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (session, programme, refusal) = await SessionAccess.LockAsync(db, id, http, requireIfMatch: true, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        session.Cancel(now);
        var enrolled = await db.Enrolments.Where(e => e.SessionId == id).Select(e => e.ParticipantId).ToListAsync(cancellationToken);
        await SessionAccess.InviteAsync(db, session, programme!, "cancelled", session.TrainerIds.Concat(enrolled).ToList(), now, cancellationToken);
        return await SessionAccess.CommitAsync(db, session, programme!, response, cancellationToken);
    }


}
