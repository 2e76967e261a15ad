using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Deadlines;

/// <summary>Wakes the deadline watcher early (a test moved the clock).</summary>
public sealed class DeadlineSignal : WakeSignal;

/// <summary>
/// Rulebook Art. 5: the risk assessment is due at the latest 12 hours after the centre learns of the
/// violence. Every scan finds cases past that time without an assessment and raises AssessmentOverdue
/// once per case: its alert row and the event are written in one transaction, so a crash or a second instance
/// can neither lose nor repeat it. A service that was down across a deadline raises it when it returns.
/// </summary>
public sealed class AssessmentDeadlineWatcher : PollingWorker
{
    private const int BatchSize = 100;
    private readonly IServiceScopeFactory _scopes;

    public AssessmentDeadlineWatcher(
        IServiceScopeFactory scopes, TimeProvider time, DeadlineSignal signal, IConfiguration configuration, ILogger<AssessmentDeadlineWatcher> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        PollInterval = configuration.GetValue("RiskAssessment:DeadlineScanInterval", TimeSpan.FromSeconds(15));
        time.OnAdvanced(signal.Notify);
    }

    protected override TimeSpan PollInterval { get; }

    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken) =>
        await RaiseOverdueAsync(cancellationToken) == BatchSize;

    private async Task<int> RaiseOverdueAsync(CancellationToken cancellationToken)
    {
        using var quiet = BackgroundTracing.Quiet();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskAssessmentDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = Time.GetUtcNow();
        var due = await db.Cases
            .FromSql($"""
                SELECT c.*, c.xmin FROM cases c
                WHERE c.first_assessed_at IS NULL AND c.state <> 'Closed' AND c.assessment_due_at <= {now}
                  AND NOT EXISTS (SELECT 1 FROM assessment_overdue_alerts a WHERE a.case_id = c.id)
                ORDER BY c.assessment_due_at
                LIMIT {BatchSize}
                FOR UPDATE OF c SKIP LOCKED
                """)
            .TagWith("poll: overdue assessments") // the benchmark's scale run finds the round by it
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        foreach (var overdue in due)
        {
            db.OverdueAlerts.Add(OverdueAlert.Raise(overdue.Id, overdue.AssessmentDueAt, now));
            db.Publish(new AssessmentOverdue(overdue.Id, overdue.Reference, overdue.CentreCode, overdue.AssessmentDueAt, now));
            Logger.LogWarning("Risk assessment of case {CaseReference} is overdue (due {DueAt:O}, Art. 5)", overdue.Reference, overdue.AssessmentDueAt);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
