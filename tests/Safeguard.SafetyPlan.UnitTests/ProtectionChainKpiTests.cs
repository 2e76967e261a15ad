using Safeguard.BuildingBlocks.Reporting;
using Safeguard.SafetyPlan.Kpis;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>The protection chain's KPIs (issue 26 §4) from a centre's records, and what leaves the centre.</summary>
public sealed class ProtectionChainKpiTests
{
    private static readonly ReportPeriod March = ReportPeriod.OfMonth(2026, 3);
    private static readonly DateTimeOffset Now = new(2026, 4, 10, 12, 0, 0, TimeSpan.Zero);

    private static CaseFacts Case(double learnedDay, DateTimeOffset? adopted = null, params (string Level, double HoursAfterLearning)[] assessments)
    {
        var learned = March.From.AddDays(learnedDay);
        return new CaseFacts(Guid.NewGuid(), learned, learned.AddHours(12),
            [.. assessments.Select((a, i) => new AssessmentFact(i + 1, a.Level, learned.AddHours(a.HoursAfterLearning)))], adopted);
    }

    [Fact]
    public void Assessments_in_time_levels_and_their_movement_and_adoption_of_high_risk_plans()
    {
        var learned = March.From.AddDays(3);
        CaseFacts[] cases =
        [
            Case(1, null, ("standard", 2)),                               // in time
            Case(2, null, ("medium", 11), ("high", 200)),                 // in time, raised
            Case(3, learned.AddHours(30), ("high", 14), ("medium", 300)), // late, lowered; high with a plan adopted 16 h after
            Case(4, null, ("high", 12)),                                  // exactly 12 hours: in time; high without a plan
            Case(5),                                                      // never assessed, 12 hours long past: late
        ];

        var figures = ProtectionChainKpis.Compute(cases, [], [], [], March.From, March.To, Now);

        Assert.Equal(new Share(3, 5), figures.AssessedInTime);
        Assert.Equal(11.5, figures.HoursToAssessment); // of 2, 11, 14, 12
        Assert.Equal(new LevelCounts(1, 1, 2), figures.FirstLevels);
        Assert.Equal(new LevelCounts(1, 1, 2), figures.LatestLevels);
        Assert.Equal(new LevelMoves(1, 0, 1), figures.Moves);
        Assert.Equal(new Share(1, 3), figures.HighRiskWithAdoptedPlan); // cases 2, 3 and 4 were high at some assessment
        Assert.Equal(16, figures.HoursToAdoption);
    }

    [Fact]
    public void A_case_inside_its_12_hours_is_not_counted_yet_and_deadlines_count_in_the_period_they_were_decided()
    {
        var fresh = new CaseFacts(Guid.NewGuid(), Now.AddHours(-2), Now.AddHours(10), [], null);
        DeadlineOutcome[] contacts =
        [
            new(March.From.AddDays(2), true, March.From.AddDays(1)),
            new(March.From.AddDays(5), false, March.From.AddDays(5)),
            new(March.To.AddDays(1), true, March.To.AddHours(1)), // decided in April
        ];

        var figures = ProtectionChainKpis.Compute([fresh], [new ClosedPlanFacts(March.From, March.From.AddDays(20), ByTeam: true),
            new ClosedPlanFacts(March.From, March.From.AddDays(2), ByTeam: false)], contacts, [], March.From, March.To, Now);

        Assert.Equal(new Share(0, 0), figures.AssessedInTime);
        Assert.Null(figures.AssessedInTime.Percent);
        Assert.Equal(new Share(1, 2), figures.ContactsInTime);
        Assert.Equal(1, figures.ClosedByTeam);
        Assert.Equal(20, figures.DaysOpen);
    }

    [Fact]
    public void Outside_the_centre_small_counts_and_what_gives_them_back_are_withheld_and_the_median_of_few_with_them()
    {
        // 12 cases decided, 9 in time: 3 late is small, so the 9 goes too (it would give the 3 back from the 12).
        var figures = new ProtectionChainFigures(new Share(9, 12), 5.5, new Share(2, 2), 30, new LevelCounts(6, 3, 3), new LevelCounts(6, 3, 3),
            new LevelMoves(0, 0, 0), 0, null, new Share(40, 40), new Share(0, 0));

        var inside = KpiReport.Of("SK", March, Now, figures, suppress: false);
        var outside = KpiReport.Of("SK", March, Now, figures, suppress: true);

        Assert.False(inside.SmallCountsSuppressed);
        Assert.All(inside.Lines, l => Assert.False(l.Suppressed));
        Assert.Equal(75m, Line(inside, "assessed-within-12-hours").Percent);

        Assert.True(outside.SmallCountsSuppressed);
        var inTime = Line(outside, "assessed-within-12-hours");
        Assert.True(inTime.Suppressed);
        Assert.Null(inTime.Count);
        Assert.Null(inTime.Percent);
        var adoption = Line(outside, "hours-to-plan-adoption");
        Assert.True(adoption.Suppressed);
        Assert.Null(adoption.Median);
        Assert.Equal(40, Line(outside, "contacts-within-48-hours").Count); // 40 of 40: nothing small to hide
        Assert.Equal(0, Line(outside, "plans-closed-by-team").Count);     // a zero is of no one
        Assert.Contains(SmallCounts.Marker, string.Join(",", outside.Table().Rows.SelectMany(r => r).Select(c => c?.ToString())));
    }

    [Fact]
    public void A_withheld_part_is_named_as_withheld_and_a_part_that_does_not_apply_is_left_empty()
    {
        // Two plans closed by the team: a small count, which has no basis of its own; their median goes with it.
        var figures = new ProtectionChainFigures(new Share(10, 10), 3, new Share(5, 5), 20, new LevelCounts(5, 0, 5), new LevelCounts(5, 0, 5),
            new LevelMoves(0, 0, 0), 2, 14, new Share(0, 0), new Share(0, 0));

        var outside = KpiReport.Of("SK", March, Now, figures, suppress: true);

        Assert.Equal(["count"], Line(outside, "plans-closed-by-team").Withheld);
        Assert.Equal(["of", "median"], Line(outside, "days-open-of-plans-closed-by-team").Withheld);
        Assert.Empty(Line(outside, "assessed-within-12-hours").Withheld);
        var closedRow = outside.Table().Rows.Single(r => Equals(r[2], "plans-closed-by-team"));
        Assert.Equal(SmallCounts.Marker, closedRow[4]); // count
        Assert.Null(closedRow[5]);                      // of: there is none, so none is withheld
        Assert.Null(closedRow[6]);                      // percent
    }

    private static KpiLine Line(KpiReport report, string code) => report.Lines.Single(l => l.Code == code);
}
