using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.TrainingRegistry.Access;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.Participants;

/// <summary>
/// Issue 24 §10: a participant is erased (<see cref="Participant.Erase"/>) once Retention:InactiveParticipantDays have
/// passed since she was registered and since the last session she was enrolled in ended. The default of ten years is a
/// placeholder to be confirmed by the data-protection officer: the seeds give no period for training records.
/// </summary>
public sealed class InactiveParticipantRetention(IConfiguration configuration)
    : ErasureRetention<TrainingRegistryDbContext, Participant>(configuration, Setting, DefaultDays)
{
    public const string Setting = "InactiveParticipantDays";
    public const int DefaultDays = 3650;

    protected override string RecordType => ParticipantAccessRules.Participant;

    protected override IQueryable<Participant> Due(TrainingRegistryDbContext db, DateTimeOffset endedBefore) =>
        ParticipantActivity.FreeAfter(db, DateOnly.FromDateTime(endedBefore.UtcDateTime))
            .Where(p => p.ErasedAt == null && p.CreatedAt <= endedBefore)
            .OrderBy(p => p.CreatedAt);

    protected override Guid IdOf(Participant record) => record.Id;

    protected override Task EraseAsync(TrainingRegistryDbContext db, Participant record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.Erase(ErasureGround.RetentionEnded, now);
        return Task.CompletedTask;
    }
}
