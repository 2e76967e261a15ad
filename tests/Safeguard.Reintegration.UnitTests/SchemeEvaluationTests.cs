using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Referrals;
using Safeguard.Reintegration.Schemes;
using Facts = Safeguard.Reintegration.Schemes.SchemeFigures;

namespace Safeguard.Reintegration.UnitTests;

/// <summary>004 §1.4: every quarter the municipality evaluates the schemes offered, their impact and what they lack.</summary>
public sealed class SchemeEvaluationTests
{
    private static readonly Quarter Q1 = new(2026, 1);
    private static readonly DateTimeOffset InQ1 = new(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InQ2 = new(2026, 4, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_quarter_is_written_2026_Q1_and_runs_from_its_first_day_to_the_next_quarters()
    {
        Assert.True(Quarter.TryParse("2026-Q1", out var q));
        Assert.Equal(Q1, q);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), q.Start);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), q.End);
        Assert.False(Quarter.TryParse("2026-Q5", out _));
        Assert.False(Quarter.TryParse("Q1-2026", out _));
        Assert.Equal("2026-Q4", new Quarter(2026, 4).ToString());
    }

    [Fact]
    public void The_evaluation_waits_for_the_quarters_end_and_is_overdue_a_month_later()
    {
        Assert.Equal(EvaluationStatus.InProgress, Q1.Status(false, InQ1));
        Assert.Equal(EvaluationStatus.Due, Q1.Status(false, Q1.End));
        Assert.Equal(EvaluationStatus.Overdue, Q1.Status(false, new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(EvaluationStatus.Evaluated, Q1.Status(true, InQ2.AddYears(1)));
    }

    [Fact]
    public void Uptake_counts_the_quarters_plan_items_and_referrals_by_where_each_referral_stands()
    {
        var household = Guid.NewGuid();
        var figures = Facts.Compute(Q1,
            [new(household, "rent-subsidy", InQ1), new(household, "rent-subsidy", InQ2), new(Guid.NewGuid(), "jobseeker-registration", InQ1)],
            [
                new("jobseeker-registration", InQ1, ReferralStatus.Done), new("jobseeker-registration", InQ1, ReferralStatus.Rejected),
                new("jobseeker-registration", InQ1, ReferralStatus.Accepted), new("jobseeker-registration", InQ2, ReferralStatus.Done),
            ], [], [InQ1, InQ2]);

        Assert.Equal("2026-Q1", figures.Quarter);
        Assert.Equal(1, figures.PlansAdopted);
        Assert.Equal(
            [new PackageUptake("jobseeker-registration", 1, 3, 1, 1, 0, 1), new PackageUptake("rent-subsidy", 1, 0, 0, 0, 0, 0)],
            figures.Packages);
    }

    [Fact]
    public void A_need_no_package_of_the_household_covers_by_the_quarters_end_is_reported_uncovered()
    {
        var (housed, waiting, later) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var figures = Facts.Compute(Q1,
            [new(housed, "rent-subsidy", InQ1), new(later, "rent-subsidy", InQ2)],
            [],
            [
                new(housed, InQ1, [NeedArea.Housing]),
                new(waiting, InQ1, [NeedArea.Housing, NeedArea.MentalHealth]),
                // Only the newest assessment of the quarter counts for a household.
                new(later, InQ1.AddDays(-5), [NeedArea.Health]),
                new(later, InQ1, [NeedArea.Housing]),
            ], []);

        Assert.Equal(3, figures.HouseholdsAssessed);
        Assert.Equal(
            new Dictionary<NeedArea, int> { [NeedArea.Housing] = 2, [NeedArea.MentalHealth] = 1 },
            figures.NeedsNotCovered.ToDictionary(n => n.Area, n => n.Households));
    }
}
