using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Persistence;

namespace Safeguard.Reintegration.Cases;

/// <summary>
/// Issue 24 §10: a case closed by its final assessment (004 §1.5) is erased (<see cref="CaseErasure"/>) once
/// Retention:ClosedCaseDays have passed since it closed. The default of ten years is a placeholder to be confirmed by
/// the data-protection officer: the seeds give no archiving period for reintegration files.
/// </summary>
public sealed class ClosedCaseRetention(IConfiguration configuration)
    : ErasureRetention<ReintegrationDbContext, ReintegrationCase>(configuration, Setting, DefaultDays)
{
    public const string Setting = "ClosedCaseDays";
    public const int DefaultDays = 3650;

    protected override string RecordType => HouseholdAccessRules.Case;

    protected override IQueryable<ReintegrationCase> Due(ReintegrationDbContext db, DateTimeOffset endedBefore) =>
        db.Cases.Where(c => c.ErasedAt == null && c.ClosedAt != null && c.ClosedAt <= endedBefore).OrderBy(c => c.ClosedAt);

    protected override Guid IdOf(ReintegrationCase record) => record.Id;

    protected override Task EraseAsync(ReintegrationDbContext db, ReintegrationCase record, DateTimeOffset now, CancellationToken cancellationToken) =>
        CaseErasure.EraseAsync(db, record, ErasureGround.RetentionEnded, now, cancellationToken);
}
