using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Contracts.Training;
using Safeguard.TrainingRegistry.Participants;
using Safeguard.TrainingRegistry.Persistence;
using Safeguard.TrainingRegistry.Programmes;

namespace Safeguard.TrainingRegistry.Sessions;

/// <summary>Sessions, enrolment, attendance and completion (issue 8 §2-3, 5).</summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TrainingRegistryService.Description.ApiPrefix + "/sessions").WithTags("Sessions");
        group.MapPost("/", ScheduleAsync).WithName("ScheduleSession")
            .WithSummary("Schedule a session inside its activity's timeframe, with trainers from the programme's pool; the trainers are invited")
            .Produces<SessionView>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSession").WithSummary("A session with its enrolments; its ETag guards changes")
            .Produces<SessionView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", ChangeAsync).WithName("ChangeSession").WithSummary("Change dates, place, capacity or trainers; everyone is told (If-Match)")
            .Produces<SessionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/cancellation", CancelAsync).WithName("CancelSession").WithSummary("Cancel the session; everyone is told (If-Match)")
            .Produces<SessionView>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/enrolments", EnrolAsync).WithName("Enrol").WithSummary("Enrol a participant within capacity; she is invited")
            .Produces<SessionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/attendance", AttendAsync).WithName("RecordAttendance").WithSummary("Record whether an enrolled participant attended")
            .Produces<SessionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/completions", CompleteAsync).WithName("RecordCompletion")
            .WithSummary("An attendee completed the ended session: certificate issued; a training of trainers adds her to the trainer pool")
            .Produces<SessionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
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
        await InviteAsync(db, session, programme, "scheduled", session.TrainerIds, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        response.SetETag(session.Version);
        return TypedResults.Created($"{TrainingRegistryService.Description.ApiPrefix}/sessions/{session.Id}", await ViewAsync(db, session, programme, cancellationToken));
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
        var registered = await db.Participants.Where(p => trainers.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
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
            return NotFound();
        }
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == session.ProgrammeId, cancellationToken);
        response.SetETag(session.Version);
        return TypedResults.Ok(await ViewAsync(db, session, programme, cancellationToken));
    }

    private static async Task<IResult> ChangeAsync(Guid id, SessionTerms request, HttpRequest http, HttpResponse response, TrainingRegistryDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (session, programme, refusal) = await LockAsync(db, id, http, requireIfMatch: true, cancellationToken);
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
        await InviteAsync(db, session, programme!, "changed", session.TrainerIds.Concat(enrolled).ToList(), now, cancellationToken);
        return await CommitAsync(db, session, programme!, response, cancellationToken);
    }

    private static async Task<IResult> CancelAsync(Guid id, HttpRequest http, HttpResponse response, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (session, programme, refusal) = await LockAsync(db, id, http, requireIfMatch: true, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        session.Cancel(now);
        var enrolled = await db.Enrolments.Where(e => e.SessionId == id).Select(e => e.ParticipantId).ToListAsync(cancellationToken);
        await InviteAsync(db, session, programme!, "cancelled", session.TrainerIds.Concat(enrolled).ToList(), now, cancellationToken);
        return await CommitAsync(db, session, programme!, response, cancellationToken);
    }

    private static async Task<IResult> EnrolAsync(Guid id, ParticipantRequest request, HttpResponse response, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The row lock serialises enrolments: two registrars never fill the last seat twice.
        var (session, programme, refusal) = await LockAsync(db, id, null, requireIfMatch: false, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }
        if (!await db.Participants.AnyAsync(p => p.Id == request.ParticipantId, cancellationToken))
        {
            return Problems.Invalid("participantId", "There is no such participant.");
        }
        var enrolled = await db.Enrolments.Where(e => e.SessionId == id).Select(e => e.ParticipantId).ToListAsync(cancellationToken);
        if (enrolled.Contains(request.ParticipantId!.Value))
        {
            return Problems.Conflict("participantId", "The participant is enrolled already.");
        }
        if (enrolled.Count >= session.Capacity)
        {
            return Problems.Conflict("capacity", $"The session is full ({session.Capacity} places).");
        }
        var now = time.GetUtcNow();
        db.Enrolments.Add(Enrolment.Enrol(id, request.ParticipantId.Value, now));
        session.Touch(now);
        await InviteAsync(db, session, programme!, "enrolled", [request.ParticipantId.Value], now, cancellationToken);
        return await CommitAsync(db, session, programme!, response, cancellationToken);
    }

    private static async Task<IResult> AttendAsync(Guid id, AttendanceRequest request, HttpResponse response, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (session, programme, refusal) = await LockAsync(db, id, null, requireIfMatch: false, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        if (session.StartsOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            return Problems.Conflict("attended", "The session has not started yet.");
        }
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.SessionId == id && e.ParticipantId == request.ParticipantId, cancellationToken);
        if (enrolment is null)
        {
            return Problems.Invalid("participantId", "The participant is not enrolled in this session.");
        }
        enrolment.MarkAttendance(request.Attended!.Value);
        session.Touch(now);
        return await CommitAsync(db, session, programme!, response, cancellationToken);
    }

    private static async Task<IResult> CompleteAsync(Guid id, ParticipantRequest request, HttpResponse response, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (session, programme, refusal) = await LockAsync(db, id, null, requireIfMatch: false, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        if (session.EndsOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            return Problems.Conflict("participantId", "The session has not ended yet: completion is recorded after its last day.");
        }
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.SessionId == id && e.ParticipantId == request.ParticipantId, cancellationToken);
        if (enrolment is null)
        {
            return Problems.Invalid("participantId", "The participant is not enrolled in this session.");
        }
        if (!enrolment.Attended)
        {
            return Problems.Conflict("participantId", "Only a participant who attended completes the training.");
        }
        if (enrolment.Completed)
        {
            return Problems.Conflict("participantId", "The completion is recorded already.");
        }
        var number = await YearlyNumbering.NextAsync(db, "TR", session.EndsOn.Year, cancellationToken);
        enrolment.Complete($"TR-{session.EndsOn.Year}-{number:D5}", now);
        // A training of trainers puts its graduate in the pool of the programme she may now deliver.
        if (programme!.Kind == ProgrammeKind.TrainingOfTrainers && programme.TrainsTrainersFor is { } pool &&
            !await db.Trainers.AnyAsync(t => t.ParticipantId == enrolment.ParticipantId && t.ProgrammeId == pool, cancellationToken))
        {
            db.Trainers.Add(TrainerCertification.Certify(enrolment.ParticipantId, pool, id, now));
        }
        var person = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == enrolment.ParticipantId, cancellationToken);
        db.Publish(new TrainingCompleted(person.Id, person.FullName, person.Email, person.Institution, KebabCaseEnum.Name(person.TargetGroup), id, programme.Id,
            programme.Title, session.ActivityCode, enrolment.CertificateNumber!, programme.Kind == ProgrammeKind.TrainingOfTrainers ? programme.TrainsTrainersFor : null,
            now, now));
        session.Touch(now);
        return await CommitAsync(db, session, programme, response, cancellationToken);
    }

    private static async Task<(Session? Session, Programme? Programme, IResult? Refusal)> LockAsync(TrainingRegistryDbContext db, Guid id, HttpRequest? http,
        bool requireIfMatch, CancellationToken cancellationToken)
    {
        var session = (await db.Sessions.FromSql($"SELECT *, xmin FROM sessions WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
        if (session is null)
        {
            return (null, null, NotFound());
        }
        if (requireIfMatch && http!.CheckIfMatch(session.Version) is { } refused)
        {
            return (null, null, refused);
        }
        if (session.State == SessionState.Cancelled)
        {
            return (null, null, Problems.Conflict("state", "The session is cancelled."));
        }
        return (session, await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == session.ProgrammeId, cancellationToken), null);
    }

    private static async Task<IResult> CommitAsync(TrainingRegistryDbContext db, Session session,
        Programme programme, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(session.Version);
        return TypedResults.Ok(await ViewAsync(db, session, programme, cancellationToken));
    }

    private static async Task InviteAsync(TrainingRegistryDbContext db, Session session, Programme programme, string reason, IReadOnlyList<Guid> people,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invitees = await db.Participants.AsNoTracking().Where(p => people.Contains(p.Id)).ToListAsync(cancellationToken);
        db.Publish(new SessionInvitation(session.Id, programme.Title, session.ActivityCode, session.StartsOn, session.EndsOn, session.Place, reason,
            invitees.Select(p => new Invitee(p.Id, p.FullName, p.Email, p.Language, session.TrainerIds.Contains(p.Id) ? "trainer" : "participant")).ToList(), now));
    }

    private static async Task<SessionView> ViewAsync(TrainingRegistryDbContext db, Session s, Programme programme, CancellationToken cancellationToken)
    {
        var enrolments = await (from e in db.Enrolments.AsNoTracking()
                                join p in db.Participants.AsNoTracking() on e.ParticipantId equals p.Id
                                where e.SessionId == s.Id
                                orderby e.EnrolledAt
                                select new EnrolmentView(p.Id, p.FullName, p.Institution, p.TargetGroup, e.Attended, e.CompletedAt, e.CertificateNumber))
            .ToListAsync(cancellationToken);
        return new SessionView(s.Id, s.ProgrammeId, programme.Title, s.ActivityCode, s.StartsOn, s.EndsOn, s.Place, s.Capacity, s.TrainerIds, s.State, enrolments, s.Version);
    }

    private static IResult NotFound() => Problems.NotFound("There is no such session.");
}
