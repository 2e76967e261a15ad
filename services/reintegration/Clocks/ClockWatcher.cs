using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.Reintegration;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;

namespace Safeguard.Reintegration.Clocks;

/// <summary>Wakes the clock watcher early (a test moved the clock).</summary>
public sealed class ClockSignal : WakeSignal;

/// <summary>
/// Raises ReintegrationClockAlert once per deadline and stage for every open case (004 §1.1-1.5, 2.7); a
/// service down across a deadline raises it when it returns.
/// </summary>
public sealed class ClockWatcher(IServiceScopeFactory scopes, TimeProvider time, ClockSignal signal, IConfiguration configuration, ILogger<ClockWatcher> logger)
    : DeadlineWatcher<ReintegrationDbContext>(scopes, signal, time, configuration, "Reintegration:ClockScanInterval", logger)
{
    protected override async Task<IReadOnlyCollection<Guid>> DueRecordsAsync(ReintegrationDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only the clock fields: no household data is read, so none is decrypted.
        var open = await db.Cases.AsNoTracking().Where(c => c.State != CaseState.Closed).Select(ClockInputs.FromCase).ToListAsync(cancellationToken);
        var running = open.Select(c => (c.CaseId, Clocks: CaseClocks.Compute(c, now).Where(k => k.Status != ClockStatus.Pending).ToList()))
            .Where(c => c.Clocks.Count > 0).ToList();
        var ids = running.Select(c => c.CaseId).ToList();
        var raised = (await db.ClockAlerts.AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToListAsync(cancellationToken)).ToLookup(a => a.CaseId);
        return running.Where(c => c.Clocks.Any(k => StagesToRecord(k, raised[c.CaseId]).Count > 0)).Select(c => c.CaseId).ToList();
    }

    protected override async Task RaiseDueAlertsAsync(ReintegrationDbContext db, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = (await db.Cases
            .FromSql($"SELECT *, xmin FROM reintegration_cases WHERE id = {caseId} AND state <> 'Closed' FOR UPDATE SKIP LOCKED")
            .AsNoTracking().ToListAsync(cancellationToken)).SingleOrDefault();
        if (found is null)
        {
            return; // closed meanwhile, or another instance holds it
        }

        var raised = await db.ClockAlerts.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var clock in CaseClocks.Compute(found, now))
        {
            foreach (var (stage, publish) in StagesToRecord(clock, raised))
            {
                db.ClockAlerts.Add(ClockAlert.Raise(caseId, clock, stage, now));
                if (!publish)
                {
                    continue;
                }
                db.Publish(new ReintegrationClockAlert(caseId, found.Reference, found.MunicipalityCode, KebabCaseEnum.Name(clock.Clock),
                    KebabCaseEnum.Name(stage), clock.DeadlineAt, now));
                if (stage == ClockStatus.Overdue)
                {
                    Logger.LogWarning("Reintegration case {CaseReference}: {Clock} is overdue (deadline {Deadline:O}, plan 004)",
                        found.Reference, clock.Clock, clock.DeadlineAt);
                }
            }
        }
    }

    private static IReadOnlyList<StageToRecord> StagesToRecord(ClockState clock, IEnumerable<ClockAlert> raised) =>
        AlertStages.ToRecord(clock.Status, stage => raised.Any(a => a.Clock == clock.Clock && a.DeadlineAt == clock.DeadlineAt && a.Stage == stage));
}
