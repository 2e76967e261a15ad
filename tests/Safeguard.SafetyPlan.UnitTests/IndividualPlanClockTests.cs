using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.SafetyPlan.Cases;
using Safeguard.SafetyPlan.IndividualPlans;
using Safeguard.SafetyPlan.Monitoring;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Art. 15: first contact within 12 hours of the individual plan's adoption; Art. 16: regular reviews.</summary>
public sealed class IndividualPlanClockTests
{
    private static readonly DateTimeOffset Adopted = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(1));

    private static readonly IndividualPlanContent Content = new("That he comes back.", null, null, null, null, null, null, "High", []);

    private static IndividualPlan AdoptedPlan(int reviewEveryDays = 14)
    {
        var plan = IndividualPlan.Start(KnownCase.Of(Guid.NewGuid(), "SK-2026-00001", "SK", false, Adopted.AddHours(-5)));
        plan.Record(true, true, Content, DateOnly.FromDateTime(Adopted.Date), reviewEveryDays, "Case worker", Adopted);
        return plan;
    }

    [Fact]
    public void The_first_contact_is_due_within_12_hours_of_the_plans_adoption_team_or_no_team()
    {
        var plan = AdoptedPlan();

        var first = Assert.Single(plan.Clocks(null, null, Adopted.AddHours(9)), c => c.Clock == ClockKind.FirstContact);

        Assert.Equal(Adopted.AddHours(12), first.DeadlineAt);
        Assert.Equal(ClockStatus.Due, first.Status);
        Assert.Equal(ClockStatus.Overdue, plan.Clocks(null, null, Adopted.AddHours(12)).Single(c => c.Clock == ClockKind.FirstContact).Status);
        Assert.DoesNotContain(plan.Clocks(Adopted.AddHours(2), null, Adopted.AddHours(13)), c => c.Clock == ClockKind.FirstContact);
    }

    [Fact]
    public void Rewriting_the_plan_later_does_not_restart_its_first_12_hours()
    {
        var plan = AdoptedPlan();

        plan.Record(true, true, Content, DateOnly.FromDateTime(Adopted.Date), 14, "Case worker", Adopted.AddHours(6));

        Assert.Equal(Adopted, plan.AdoptedAt);
    }

    [Fact]
    public void The_plan_is_reviewed_at_the_interval_the_centre_set_counting_from_the_latest_review()
    {
        // Art. 16: "regularly"; the Rulebook leaves how often to the professionals.
        var plan = AdoptedPlan(reviewEveryDays: 14);

        Assert.Equal(Adopted.AddDays(14), plan.Clocks(Adopted, null, Adopted).Single(c => c.Clock == ClockKind.Review).DeadlineAt);
        Assert.Equal(Adopted.AddDays(24), plan.Clocks(Adopted, Adopted.AddDays(10), Adopted).Single(c => c.Clock == ClockKind.Review).DeadlineAt);
    }

    [Fact]
    public void Adopting_needs_the_review_interval()
    {
        Assert.Equal("reviewEveryDays", IndividualPlan.CheckAdoption(new DateOnly(2026, 11, 25), null)?.Field);
        Assert.Null(IndividualPlan.CheckAdoption(new DateOnly(2026, 11, 25), 30));
        Assert.Null(IndividualPlan.CheckAdoption(null, null));
    }

    [Fact]
    public void No_clock_runs_before_adoption_or_after_the_case_is_closed()
    {
        var draft = IndividualPlan.Start(KnownCase.Of(Guid.NewGuid(), "SK-2026-00002", "SK", false, Adopted));
        draft.Record(true, true, Content, null, null, "Case worker", Adopted);
        Assert.Empty(draft.Clocks(null, null, Adopted.AddDays(30)));

        var plan = AdoptedPlan();
        plan.CloseWithCase(Adopted.AddDays(2));
        Assert.Empty(plan.Clocks(null, null, Adopted.AddDays(30)));
    }

    [Fact]
    public void Without_her_consent_the_plan_keeps_no_adoption_and_no_clock()
    {
        var plan = AdoptedPlan();

        plan.Record(true, false, Content, DateOnly.FromDateTime(Adopted.Date), 14, "Case worker", Adopted.AddDays(1));

        Assert.Null(plan.AdoptedAt);
        Assert.Empty(plan.Clocks(null, null, Adopted.AddDays(30)));
    }
}
