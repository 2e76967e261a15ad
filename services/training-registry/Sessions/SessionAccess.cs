using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.Training;
using Safeguard.TrainingRegistry.Persistence;
using Safeguard.TrainingRegistry.Programmes;

namespace Safeguard.TrainingRegistry.Sessions;

/// <summary>What session and enrolment endpoints share: the session's row lock, commit with its new ETag, invitations and the view.</summary>
internal static class SessionAccess
{
    internal static async Task<(Session? Session, Programme? Programme, IResult? Refusal)> LockAsync(TrainingRegistryDbContext db, Guid id, HttpRequest? http,
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

    internal static async Task<IResult> CommitAsync(TrainingRegistryDbContext db, Session session,
        Programme programme, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(session.Version);
        return TypedResults.Ok(await ViewAsync(db, session, programme, cancellationToken));
    }

    internal static async Task InviteAsync(TrainingRegistryDbContext db, Session session, Programme programme, string reason, IReadOnlyList<Guid> people,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An erased participant (issue 24 §10) has no address left to write to.
        var invitees = await db.Participants.AsNoTracking().Where(p => people.Contains(p.Id) && p.ErasedAt == null).ToListAsync(cancellationToken);
        db.Publish(new SessionInvitation(session.Id, programme.Title, session.ActivityCode, session.StartsOn, session.EndsOn, session.Place, reason,
            invitees.Select(p => new Invitee(p.Id, p.FullName, p.Email, p.Language, session.TrainerIds.Contains(p.Id) ? "trainer" : "participant")).ToList(), now));
    }

    internal static async Task<SessionView> ViewAsync(TrainingRegistryDbContext db, Session s, Programme programme, CancellationToken cancellationToken)
    {
        var enrolments = await (from e in db.Enrolments.AsNoTracking()
                                join p in db.Participants.AsNoTracking() on e.ParticipantId equals p.Id
                                where e.SessionId == s.Id
                                orderby e.EnrolledAt
                                select new EnrolmentView(p.Id, p.FullName, p.Institution, p.TargetGroup, e.Attended, e.CompletedAt, e.CertificateNumber))
            .ToListAsync(cancellationToken);
        return new SessionView(s.Id, s.ProgrammeId, programme.Title, s.ActivityCode, s.StartsOn, s.EndsOn, s.Place, s.Capacity, s.TrainerIds, s.State, enrolments, s.Version);
    }

    internal static IResult NotFound() => Problems.NotFound("There is no such session.");
}
