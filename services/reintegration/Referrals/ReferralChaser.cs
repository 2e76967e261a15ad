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
/// Chases each referral left unanswered past its answer date (004 §2.3), once: its <see cref="ReferralChase"/> row and
/// <see cref="ReferralAnswerOverdue"/> commit together, under the referral's row lock (which leaves its version as it was).
/// </summary>
public sealed class ReferralChaser(IServiceScopeFactory scopes, TimeProvider time, ReferralChaseSignal signal, IConfiguration configuration,
    ILogger<ReferralChaser> logger)
    : DeadlineWatcher<ReintegrationDbContext>(scopes, signal, time, configuration, "Reintegration:ClockScanInterval", logger)
{
    protected override async Task<IReadOnlyCollection<Guid>> DueRecordsAsync(ReintegrationDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Sent && r.AnswerBy <= now && !db.ReferralChases.Any(c => c.ReferralId == r.Id))
            .Select(r => r.Id).ToListAsync(cancellationToken);

    protected override async Task RaiseDueAlertsAsync(ReintegrationDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var referral = (await db.Referrals.FromSql($"SELECT *, xmin FROM referrals WHERE id = {id} FOR UPDATE SKIP LOCKED")
            .AsNoTracking().ToListAsync(cancellationToken)).SingleOrDefault();
        if (referral is null || !referral.IsUnansweredAt(now) || await db.ReferralChases.AnyAsync(c => c.ReferralId == id, cancellationToken))
        {
            return; // answered or chased meanwhile, or another instance holds it
        }
        db.ReferralChases.Add(ReferralChase.Of(referral, now));
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == referral.CaseId)
            .Select(c => new { c.Reference, c.MunicipalityCode }).SingleAsync(cancellationToken);
        db.Publish(new ReferralAnswerOverdue(referral.Id, referral.Reference, referral.CaseId, found.Reference, found.MunicipalityCode,
            referral.Service, referral.Recipient.Contact(), referral.SenderEmail, referral.SentAt, referral.AnswerBy, now));
        Logger.LogWarning("Referral {ReferralReference} was not answered by {AnswerBy:O}: sender and recipient are told", referral.Reference, referral.AnswerBy);
    }
}
