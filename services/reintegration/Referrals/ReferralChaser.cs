using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Contracts.Reintegration;
using Safeguard.Reintegration.Persistence;

namespace Safeguard.Reintegration.Referrals;

/// <summary>Wakes the chaser early (a test moved the clock).</summary>
public sealed class ReferralChaseSignal : WakeSignal;

/// <summary>
/// Chases each referral left unanswered past its answer date (004 §2.3), once: the referral is marked chased and
/// <see cref="ReferralAnswerOverdue"/> is published in the same transaction, under the referral's row lock.
/// </summary>
public sealed class ReferralChaser(IServiceScopeFactory scopes, TimeProvider time, ReferralChaseSignal signal, IConfiguration configuration,
    ILogger<ReferralChaser> logger)
    : DeadlineWatcher<ReintegrationDbContext>(scopes, signal, time, configuration, "Reintegration:ClockScanInterval", logger)
{
    protected override async Task<IReadOnlyCollection<Guid>> DueRecordsAsync(ReintegrationDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Sent && r.ChasedAt == null && r.AnswerBy <= now)
            .Select(r => r.Id).ToListAsync(cancellationToken);

    protected override async Task RaiseDueAlertsAsync(ReintegrationDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var referral = (await db.Referrals.FromSql($"SELECT *, xmin FROM referrals WHERE id = {id} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (referral is null || !referral.AwaitsChase(now))
        {
            return; // answered meanwhile, or another instance holds it
        }
        referral.Chase(now);
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == referral.CaseId)
            .Select(c => new { c.Reference, c.MunicipalityCode }).SingleAsync(cancellationToken);
        db.Publish(new ReferralAnswerOverdue(referral.Id, referral.Reference, referral.CaseId, found.Reference, found.MunicipalityCode,
            referral.Service, referral.Recipient.Contact(), referral.SenderEmail, referral.SentAt, referral.AnswerBy, now));
        Logger.LogWarning("Referral {ReferralReference} was not answered by {AnswerBy:O}: sender and recipient are told", referral.Reference, referral.AnswerBy);
    }
}
