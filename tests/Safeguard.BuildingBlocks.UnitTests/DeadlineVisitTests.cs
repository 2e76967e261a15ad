using Safeguard.BuildingBlocks.Deadlines;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>After a visit a record waits in its watcher's queue until its next clock changes status (issue 25 §6).</summary>
public sealed class DeadlineVisitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_next_check_is_the_soonest_reminder_or_deadline_still_ahead()
    {
        var visit = DeadlineVisit.Until("CSR-BG",
        [
            Clock(Now.AddHours(8), Now.AddHours(12)),    // pending: its reminder is next for it
            Clock(Now.AddHours(-1), Now.AddHours(5)),    // due now: its deadline is next for it
            Clock(Now.AddDays(6), Now.AddDays(7)),
        ], Now);

        Assert.False(visit.HeldElsewhere);
        Assert.Equal(Now.AddHours(5), visit.NextCheckAt);
    }

    [Fact]
    public void An_overdue_clock_needs_no_further_check_until_the_record_changes()
    {
        var visit = DeadlineVisit.Until("CSR-BG", [Clock(Now.AddHours(-10), Now.AddHours(-2))], Now);

        Assert.Null(visit.NextCheckAt);
    }

    [Fact]
    public void A_record_without_clocks_is_not_checked_again_and_one_that_is_held_elsewhere_keeps_its_checks()
    {
        Assert.Null(DeadlineVisit.Until("CSR-BG", [], Now).NextCheckAt);
        Assert.True(DeadlineVisit.Busy.HeldElsewhere);
        Assert.False(DeadlineVisit.Done.HeldElsewhere);
    }

    [Fact]
    public void A_moment_reached_exactly_counts_as_passed()
    {
        // The clocks say "due" from the reminder's own instant (now >= dueFrom), so a check at that instant must move on.
        var visit = DeadlineVisit.Until("CSR-BG", [Clock(Now, Now.AddHours(4))], Now);

        Assert.Equal(Now.AddHours(4), visit.NextCheckAt);
    }

    [Fact]
    public void The_visit_keeps_every_running_clock_and_its_place_for_the_gauges_and_none_when_done()
    {
        RunningClock[] clocks = [Clock(Now.AddHours(8), Now.AddHours(12)), Clock(Now.AddHours(-10), Now.AddHours(-2))];

        var visit = DeadlineVisit.Until("CSR-NS", clocks, Now);

        Assert.Equal("CSR-NS", visit.Place);
        Assert.Equal(clocks, visit.Clocks);
        Assert.Empty(DeadlineVisit.Done.Clocks);
        Assert.Empty(DeadlineVisit.Busy.Clocks);
    }

    private static RunningClock Clock(DateTimeOffset dueFrom, DateTimeOffset deadlineAt) => new("member-contact", dueFrom, deadlineAt);
}
