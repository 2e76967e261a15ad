using Safeguard.BuildingBlocks.Reporting;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Clocks;
using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Persistence;
using Safeguard.Reintegration.Referrals;
using Safeguard.Reintegration.Schemes;

namespace Safeguard.Reintegration.Indicators;

/// <summary>A computed share: how many of how many, and what was counted.</summary>
public sealed record Share(int Numerator, int Denominator, string Basis)
{
    public decimal? Percent => Denominator == 0 ? null : Math.Round(100m * Numerator / Denominator, 1);
}

/// <summary>
/// Computes indicators from the records of one municipality (or all) and period (a year or a quarter). The
/// period's cohort is the cases that arrived in it (UTC, as references); closures count in the period they were
/// closed in. Only counts leave here, never a person.
/// </summary>
public sealed class IndicatorCalculator
{
    private readonly List<ReintegrationCase> _cohort;
    private readonly List<ReintegrationCase> _closed;
    private readonly Dictionary<Guid, NeedsAssessment> _needs;
    private readonly ILookup<Guid, Referral> _referrals;
    private readonly DateTimeOffset _now;

    private IndicatorCalculator(List<ReintegrationCase> cohort, List<ReintegrationCase> closed, Dictionary<Guid, NeedsAssessment> needs,
        ILookup<Guid, Referral> referrals, DateTimeOffset now) =>
        (_cohort, _closed, _needs, _referrals, _now) = (cohort, closed, needs, referrals, now);

    public static async Task<IndicatorCalculator> LoadAsync(ReintegrationDbContext db, string? municipality, ReportPeriod period, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var (from, to) = (period.From, period.To);
        var cases = db.Cases.AsNoTracking().Where(c => municipality == null || c.MunicipalityCode == municipality);
        var cohort = await cases.Where(c => c.ArrivalAt >= from && c.ArrivalAt < to).ToListAsync(cancellationToken);
        var closed = await cases.Where(c => c.ClosedAt >= from && c.ClosedAt < to).ToListAsync(cancellationToken);
        var ids = cohort.Select(c => c.Id).ToList();
        var needs = (await db.NeedsAssessments.AsNoTracking().Where(n => ids.Contains(n.CaseId)).ToListAsync(cancellationToken))
            .GroupBy(n => n.CaseId).ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.VisitedAt).ThenByDescending(n => n.RecordedAt).First());
        var referrals = (await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.CaseId)).ToListAsync(cancellationToken)).ToLookup(r => r.CaseId);
        return new IndicatorCalculator(cohort, closed, needs, referrals, now);
    }

    public Share? Compute(Computation computation) => computation switch
    {
        Computation.ShareWithPlan => Count(_cohort, c => c.PlanAdoptedAt is not null, "cases arrived in the period with an adopted individual plan"),
        Computation.MonitoringOnTime => Count(_cohort.Where(c => c.PlanAdoptedAt is not null && !c.IsClosed),
            c => CaseClocks.Compute(c, _now).All(k => k.Clock != ClockKind.MonthlyMonitoring || k.Status != ClockStatus.Overdue),
            "open plans whose monthly monitoring is not overdue at the time of the report"),
        // 004 §1.5: only genuine final assessments (at 18 months) count; a case that ended early (death, departure, transfer) is not reintegration assessed.
        Computation.ClosedSustainable => Count(_closed.Where(c => c.EarlyClosureReason is null), c => c.Sustainable == true,
            "cases closed in the period by their final assessment at 18 months that found reintegration sustainable"),
        Computation.VisitWithin72Hours => Count(_cohort.Where(c => c.VisitedAt is not null || _now > c.ArrivalAt + CaseClocks.VisitWindow),
            c => CaseClocks.VisitKept(c) == true, "cases arrived in the period (72 hours passed or visited) visited within 72 hours"),
        Computation.ShareReferred => Count(_cohort.Where(c => c.VisitedAt is not null), c => _referrals[c.Id].Any(),
            "assessed cases arrived in the period with at least one referral"),
        Computation.EmploymentProfiled => NeedMet(NeedArea.EmploymentAndSkills, ["jobseeker-registration", "career-counselling"]),
        Computation.Employed => NeedMet(NeedArea.EmploymentAndSkills, ["job-mediation", "on-the-job-training"]),
        Computation.SelfEmployment => NeedMet(NeedArea.EmploymentAndSkills, ["self-employment-grant"]),
        Computation.VocationalTraining => NeedMet(NeedArea.EmploymentAndSkills, ["vocational-training"]),
        Computation.AgricultureGrant => NeedMet(NeedArea.EmploymentAndSkills, ["agriculture-grant"]),
        Computation.CivilDocumentsDone => NeedMet(NeedArea.CivilDocuments, ["civil-documents", "free-legal-aid"]),
        Computation.SocialAssistanceDone => NeedMet(NeedArea.SocialAssistance, ["social-assistance"]),
        Computation.PsychosocialDone => NeedMet(NeedArea.MentalHealth, ["psychosocial-treatment"]),
        Computation.HousingDone => NeedMet(NeedArea.Housing, ["rent-subsidy", "social-housing", "house-renovation"]),
        Computation.SchoolEnrolmentDone => NeedMet(NeedArea.EducationAndLanguage, ["school-enrolment"]),
        Computation.LanguageClassesDone => NeedMet(NeedArea.EducationAndLanguage, ["language-classes"]),
        _ => null,
    };

    /// <summary>Of the cases whose newest assessment found a need in <paramref name="area"/>, those with a referral for one of <paramref name="services"/> done.</summary>
    private Share NeedMet(NeedArea area, string[] services) =>
        Count(_cohort.Where(c => _needs.TryGetValue(c.Id, out var n) && n.Found(area, null)),
            c => _referrals[c.Id].Any(r => r.Status == ReferralStatus.Done && services.Contains(r.Service)),
            $"cases arrived in the period with an assessed {area} need whose referral ({string.Join(", ", services)}) is done");

    private static Share Count(IEnumerable<ReintegrationCase> denominator, Func<ReintegrationCase, bool> counted, string basis)
    {
        var all = denominator.ToList();
        return new Share(all.Count(counted), all.Count, basis);
    }
}
