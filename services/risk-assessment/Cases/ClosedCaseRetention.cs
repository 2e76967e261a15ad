using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>
/// Issue 24 §10: a closed case is erased (<see cref="CaseErasure"/>) once Retention:ClosedCaseDays have passed since
/// it closed. The default of ten years is a placeholder to be confirmed by the data-protection officer: the statutory
/// archiving period of social-protection files is not in the seeds.
/// </summary>
public sealed class ClosedCaseRetention(IConfiguration configuration)
    : ErasureRetention<RiskAssessmentDbContext, Case>(configuration, Setting, DefaultDays)
{
    public const string Setting = "ClosedCaseDays";
    public const int DefaultDays = 3650;

    protected override string RecordType => CaseAccessRules.Case;

    protected override IQueryable<Case> Due(RiskAssessmentDbContext db, DateTimeOffset endedBefore) =>
        db.Cases.Where(c => c.ErasedAt == null && c.ClosedAt != null && c.ClosedAt <= endedBefore).OrderBy(c => c.ClosedAt);

    protected override Guid IdOf(Case record) => record.Id;

    protected override Task EraseAsync(RiskAssessmentDbContext db, Case record, DateTimeOffset now, CancellationToken cancellationToken) =>
        CaseErasure.EraseAsync(db, record, ErasureGround.RetentionEnded, now, cancellationToken);
}
