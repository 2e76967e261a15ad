using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.ServiceDefaults.Security;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.Access;

/// <summary>
/// Participants are professionals, not victims, but still people: only the training administrators, who run
/// the registry for the whole action plan (seed 000 measures 1.1.x), reach their records; analysts see counts.
/// </summary>
public sealed class ParticipantAccessRules(TrainingRegistryDbContext db) : IRecordAccessRules
{
    public const string Participant = "participant";

    public IReadOnlyCollection<string> RecordTypes { get; } = [Participant];

    public async Task<bool> MayAccessAsync(Caller caller, string recordType, Guid id, CancellationToken cancellationToken) =>
        recordType == Participant && caller.Is(PlatformRoles.TrainingAdmin)
        && await db.Participants.AsNoTracking().AnyAsync(p => p.Id == id, cancellationToken);
}
