using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>
/// Issue 24 §10: a closed case is erased (<see cref="CaseErasure"/>) once Retention:ClosedCaseDays have passed since
/// it closed. The default of ten years is a placeholder to be confirmed by the data-protection officer: the statutory
/// archiving period of social-protection files is not in the seeds. Each erasure is audited as the platform's own.
/// </summary>
public sealed class ClosedCaseRetention(IConfiguration configuration) : IRetentionStep
{
    public const string Setting = "ClosedCaseDays";
    public const int DefaultDays = 3650;

    /// <summary>Cases erased per save: each loads its records; a round goes on to a full batch.</summary>
    private const int PageSize = 100;

    private readonly TimeSpan _period = configuration.Days(Setting, DefaultDays);

    public async Task<int> RunAsync(ServiceDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = (RiskAssessmentDbContext)context;
        var closedBefore = now - _period;
        var erased = 0;
        while (erased < IRetentionStep.BatchSize)
        {
            var due = await db.Cases.Where(c => c.ErasedAt == null && c.ClosedAt != null && c.ClosedAt <= closedBefore)
                .OrderBy(c => c.ClosedAt).Take(PageSize).ToListAsync(cancellationToken);
            foreach (var c in due)
            {
                await CaseErasure.EraseAsync(db, c, ErasureGround.RetentionEnded, now, cancellationToken);
                AuditTrail.AddBySystem(db, now, "erase", CaseAccessRules.Case, c.Id, $"retention Retention:{Setting}");
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            erased += due.Count;
            if (due.Count < PageSize)
            {
                break;
            }
        }
        return erased;
    }
}
