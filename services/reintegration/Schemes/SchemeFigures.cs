using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Plans;
using Safeguard.Reintegration.Referrals;

namespace Safeguard.Reintegration.Schemes;

/// <summary>A standard package's take-up in the quarter: plan items that chose it and what came of the referrals sent for it.</summary>
public sealed record PackageUptake(string Package, int PlanItems, int ReferralsSent, int ReferralsDone, int ReferralsRejected, int ReferralsRevoked,
    int ReferralsOpen);

/// <summary>Households whose assessed need in an area no package of their plan covers.</summary>
public sealed record UncoveredNeed(NeedArea Area, int Households);

/// <summary>What the records say about the municipality's schemes in a quarter (004 §1.4): counts only, never a person.</summary>
public sealed record SchemeFigures(string Quarter, int HouseholdsAssessed, int PlansAdopted, IReadOnlyList<PackageUptake> Packages,
    IReadOnlyList<UncoveredNeed> NeedsNotCovered)
{
    public sealed record PlanItemFact(Guid CaseId, string Package, DateTimeOffset CreatedAt);

    public sealed record ReferralFact(string Service, DateTimeOffset SentAt, ReferralStatus Status);

    /// <summary>A needs assessment: when, and the areas found needed (or urgent).</summary>
    public sealed record AssessmentFact(Guid CaseId, DateTimeOffset VisitedAt, IReadOnlyList<NeedArea> Needed);

    /// <summary>
    /// Uptake counts plan items created and referrals sent in the quarter, each referral by where it stands now.
    /// A household assessed in the quarter has a need not covered when, by the end of the quarter, its plan holds
    /// no package for that area (004 §1.4: "needs for additions or changes to the schemes").
    /// </summary>
    public static SchemeFigures Compute(Quarter quarter, IEnumerable<PlanItemFact> items, IEnumerable<ReferralFact> referrals,
        IEnumerable<AssessmentFact> assessments, IEnumerable<DateTimeOffset> plansAdoptedAt)
    {
        var allItems = items.ToList();
        var inQuarterItems = allItems.Where(i => quarter.Contains(i.CreatedAt)).ToList();
        var sent = referrals.Where(r => quarter.Contains(r.SentAt)).ToList();
        var packages = inQuarterItems.Select(i => i.Package).Concat(sent.Select(r => r.Service)).Distinct().Order(StringComparer.Ordinal)
            .Select(code =>
            {
                var forPackage = sent.Where(r => r.Service == code).ToList();
                return new PackageUptake(code, inQuarterItems.Count(i => i.Package == code), forPackage.Count,
                    forPackage.Count(r => r.Status == ReferralStatus.Done), forPackage.Count(r => r.Status == ReferralStatus.Rejected),
                    forPackage.Count(r => r.Status == ReferralStatus.Revoked),
                    forPackage.Count(r => r.Status is ReferralStatus.Sent or ReferralStatus.Accepted or ReferralStatus.InProgress));
            }).ToList();

        // Each household's newest assessment of the quarter says what it needed.
        var assessed = assessments.Where(a => quarter.Contains(a.VisitedAt)).GroupBy(a => a.CaseId)
            .Select(g => g.MaxBy(a => a.VisitedAt)!).ToList();
        var covered = allItems.Where(i => i.CreatedAt < quarter.End).GroupBy(i => i.CaseId)
            .ToDictionary(g => g.Key, g => g.SelectMany(i => ServicePackages.Find(i.Package)?.Areas ?? []).ToHashSet());
        var uncovered = assessed
            .SelectMany(a => a.Needed.Distinct().Where(area => !(covered.TryGetValue(a.CaseId, out var areas) && areas.Contains(area))))
            .GroupBy(area => area).OrderBy(g => g.Key).Select(g => new UncoveredNeed(g.Key, g.Count())).ToList();

        return new SchemeFigures(quarter.ToString(), assessed.Count, plansAdoptedAt.Count(quarter.Contains), packages, uncovered);
    }
}
