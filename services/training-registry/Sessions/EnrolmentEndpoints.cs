using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Contracts.Training;
using Safeguard.ServiceDefaults.Security;
using Safeguard.TrainingRegistry.Access;
using Safeguard.TrainingRegistry.Persistence;
using Safeguard.TrainingRegistry.Programmes;

namespace Safeguard.TrainingRegistry.Sessions;

/// <summary>Enrolment within capacity, attendance and completion with a certificate (issue 8 §3, 5).</summary>
public static class EnrolmentEndpoints
{
    public static IEndpointRouteBuilder MapEnrolmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TrainingRegistryService.Description.ApiPrefix + "/sessions").WithTags("Sessions").AllowRoles(PlatformRoles.TrainingAdmin);
        group.MapPost("/{id:guid}/enrolments", EnrolAsync).WithName("Enrol").WithSummary("Enrol a participant within capacity; she is invited")
            .Produces<SessionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/attendance", AttendAsync).WithName("RecordAttendance").WithSummary("Record whether an enrolled participant attended")
            .Produces<SessionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/completions", CompleteAsync).WithName("RecordCompletion")
            .WithSummary("An attendee completed the ended session: certificate issued; a training of trainers adds her to the trainer pool")
            .Produces<SessionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> EnrolAsync(Guid id, EnrolmentRequest request, HttpResponse response, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        // The row lock serialises enrolments: two registrars never fill the last seat twice.
        var (session, programme, refusal) = await SessionAccess.LockAsync(db, id, null, requireIfMatch: false, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }
        if (!await db.Participants.AnyAsync(p => p.Id == request.ParticipantId && p.ErasedAt == null, cancellationToken))
        {
            return Problems.Invalid("participantId", "There is no such participant.");
        }
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Code == session.ActivityCode, cancellationToken);
        if (activity.RefuseExperience(request.YearsOfExperience) is { } tooExperienced)
        {
            return Problems.Invalid("yearsOfExperience", tooExperienced);
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
        db.Enrolments.Add(Enrolment.Enrol(id, request.ParticipantId.Value, request.YearsOfExperience, now));
        session.Touch(now);
        await SessionAccess.InviteAsync(db, session, programme!, "enrolled", [request.ParticipantId.Value], now, cancellationToken);
        return await SessionAccess.CommitAsync(db, session, programme!, response, cancellationToken);
    }

    private static async Task<IResult> AttendAsync(Guid id, AttendanceRequest request, HttpResponse response, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (session, programme, refusal) = await SessionAccess.LockAsync(db, id, null, requireIfMatch: false, cancellationToken);
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
        return await SessionAccess.CommitAsync(db, session, programme!, response, cancellationToken);
    }

    private static async Task<IResult> CompleteAsync(Guid id, ParticipantRequest request, HttpResponse response, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (session, programme, refusal) = await SessionAccess.LockAsync(db, id, null, requireIfMatch: false, cancellationToken);
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
        return await SessionAccess.CommitAsync(db, session, programme, response, cancellationToken);
    }
}
