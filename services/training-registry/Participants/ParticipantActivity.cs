using Microsoft.EntityFrameworkCore;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.Participants;

/// <summary>Whether a participant still takes part in training, which keeps her record whole (issue 24 §10).</summary>
internal static class ParticipantActivity
{
    /// <summary>
    /// The participants who take part in no scheduled session ending after <paramref name="day"/>, neither enrolled nor as
    /// one of its trainers (a session's trainers are a JSON list of participant ids).
    /// </summary>
    public static IQueryable<Participant> FreeAfter(TrainingRegistryDbContext db, DateOnly day) => db.Participants.FromSql($"""
        SELECT p.*, p.xmin FROM participants p
        WHERE NOT EXISTS (
            SELECT 1 FROM sessions s
            WHERE s.state = 'Scheduled' AND s.ends_on > {day}
              AND (s.trainer_ids @> jsonb_build_array(p.id::text)
                   OR EXISTS (SELECT 1 FROM enrolments e WHERE e.session_id = s.id AND e.participant_id = p.id)))
        """);
}
