using Safeguard.SafetyPlan.Kpis;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Art. 21's recurring duties as the KPIs count them: each deadline met by an entry or missed once.</summary>
public sealed class DeadlineChainTests
{
    private static readonly DateTimeOffset Adopted = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private static IReadOnlyList<DeadlineOutcome> Chain(DateTimeOffset until, params double[] contactHours) =>
        DeadlineChain.Of(Adopted, contactHours.Select(h => Adopted.AddHours(h)), at => at + Window, until);

    [Fact]
    public void Each_contact_within_48_hours_of_the_last_meets_a_deadline_and_the_running_one_is_not_decided_yet()
    {
        var outcomes = Chain(Adopted.AddHours(100), 40, 80);

        Assert.Equal([true, true], outcomes.Select(o => o.Met));
        Assert.Equal([Adopted.AddHours(48), Adopted.AddHours(88)], outcomes.Select(o => o.Deadline));
        Assert.Equal(Adopted.AddHours(80), outcomes[1].DecidedAt);
    }

    [Fact]
    public void A_deadline_passed_without_a_contact_is_missed_once_and_the_late_contact_starts_the_clock_again()
    {
        // Nothing for 5 days, then a contact: one deadline missed (at hour 48), not one per 48 hours; then on time again.
        var outcomes = Chain(Adopted.AddHours(190), 120, 150);

        Assert.Equal([(Adopted.AddHours(48), false), (Adopted.AddHours(168), true)], outcomes.Select(o => (o.Deadline, o.Met)));
        Assert.Equal(Adopted.AddHours(48), outcomes[0].DecidedAt);
    }

    [Fact]
    public void A_deadline_that_passes_before_the_duty_ends_is_missed_and_a_contact_at_the_deadline_itself_is_in_time()
    {
        Assert.Equal([(Adopted.AddHours(48), true), (Adopted.AddHours(96), false)],
            Chain(Adopted.AddHours(97), 48).Select(o => (o.Deadline, o.Met)));
    }

    [Fact]
    public void Entries_before_the_start_or_after_the_end_count_for_nothing()
    {
        Assert.Empty(Chain(Adopted.AddHours(47), -5, 60));
    }
}
