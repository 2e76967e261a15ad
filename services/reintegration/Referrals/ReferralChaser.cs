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
    : DeadlineWatcher<ReintegrationDbContext, Referral>(scopes, signal, time, configuration, "Reintegration:ClockScanInterval", logger)
{
    public const string Name = "referral-answers";

    /// <summary>Its status and answer date are on the referral's own row.</summary>
    public static void Inputs(DeadlineInputs inputs) => inputs.On<Referral>(r => r.Id).PlacedIn("municipality");

    /// <summary>The referral's one clock, as the operators' gauges name it.</summary>
    public const string AnswerClock = "referral-answer";

    protected override async Task<DeadlineVisit> VisitAsync(ReintegrationDbContext db, Referral referral, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (referral.Status != ReferralStatus.Sent)
        {
            return DeadlineVisit.Done; // answered or withdrawn
        }
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == referral.CaseId)
            .Select(c => new { c.Reference, c.MunicipalityCode }).SingleAsync(cancellationToken);
        // No reminder before the answer date: the clock turns overdue on it, and stays so until the referral is answered.
        var visit = DeadlineVisit.Until(found.MunicipalityCode, [new RunningClock(AnswerClock, referral.AnswerBy, referral.AnswerBy)], now);
        if (!referral.IsUnansweredAt(now) || await db.ReferralChases.AnyAsync(c => c.ReferralId == referral.Id, cancellationToken))
        {
            return visit; // not yet, or chased already
        }
        db.ReferralChases.Add(ReferralChase.Of(referral, now));
        db.Publish(new ReferralAnswerOverdue(referral.Id, referral.Reference, referral.CaseId, found.Reference, found.MunicipalityCode,
            referral.Service, referral.Recipient.Contact(), referral.SenderEmail, referral.SentAt, referral.AnswerBy, now));
        Logger.LogWarning("Referral {ReferralReference} was not answered by {AnswerBy:O}: sender and recipient are told", referral.Reference, referral.AnswerBy);
        return visit;
    }
}
