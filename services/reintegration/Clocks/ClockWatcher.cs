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
    : DeadlineWatcher<ReintegrationDbContext, ReintegrationCase>(scopes, signal, time, configuration, "Reintegration:ClockScanInterval", logger)
{
    public const string Name = "reintegration-cases";

    /// <summary>The clocks read only the case's own row (<see cref="ClockInputs"/>).</summary>
    public static void Inputs(DeadlineInputs inputs) => inputs.On<ReintegrationCase>(c => c.Id).PlacedIn("municipality");

    protected override async Task<DeadlineVisit> VisitAsync(ReintegrationDbContext db, ReintegrationCase found, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caseId = found.Id;
        var raised = await db.ClockAlerts.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(cancellationToken);
        var clocks = CaseClocks.Compute(found, now); // none once the case is closed
        foreach (var clock in clocks)
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
        return DeadlineVisit.Until(found.MunicipalityCode, clocks.Select(c => c.ToRunning()), now);
    }

    private static IReadOnlyList<StageToRecord> StagesToRecord(ClockState clock, IEnumerable<ClockAlert> raised) =>
        AlertStages.ToRecord(clock.Status, stage => raised.Any(a => a.Clock == clock.Clock && a.DeadlineAt == clock.DeadlineAt && a.Stage == stage));
}
