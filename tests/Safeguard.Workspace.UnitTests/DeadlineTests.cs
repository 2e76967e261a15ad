using Safeguard.Workspace.Api;
using Safeguard.Workspace.Components;

namespace Safeguard.Workspace.UnitTests;

/// <summary>Issue 23: deadlines show as badges that turn amber before and red after; times are the country's.</summary>
public sealed class DeadlineTests
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static CaseRow Case(string state = "awaiting-assessment", bool overdue = false) =>
        new(Guid.NewGuid(), "SK-2026-0001", "police", Opened, Opened.AddHours(12), overdue, state, null, new("Name", "adult"));

    [Theory]
    [InlineData(0, ClockLight.Running)]
    [InlineData(7.9, ClockLight.Running)]
    [InlineData(8, ClockLight.Due)]       // Art. 5: amber in the last four of the twelve hours
    [InlineData(11.9, ClockLight.Due)]
    [InlineData(12, ClockLight.Overdue)]
    [InlineData(30, ClockLight.Overdue)]
    public void The_12_hour_assessment_clock_runs_turns_amber_then_red(double hoursAfterOpening, ClockLight expected) =>
        Assert.Equal(expected, Case().AssessmentClock(Opened.AddHours(hoursAfterOpening)));

    [Fact]
    public void An_assessed_case_has_no_clock_and_the_services_overdue_wins_over_the_workspaces_time()
    {
        Assert.Equal(ClockLight.None, Case("assessed").AssessmentClock(Opened.AddHours(20)));
        Assert.Equal(ClockLight.Overdue, Case(overdue: true).AssessmentClock(Opened));
    }

    [Theory]
    [InlineData("pending", ClockLight.Running)]
    [InlineData("due", ClockLight.Due)]
    [InlineData("overdue", ClockLight.Overdue)]
    public void A_plans_clock_shows_the_status_safety_plan_computed(string status, ClockLight light) =>
        Assert.Equal(light, new PlanDetail.Clock("member-contact", null, null, Opened, Opened.AddHours(48), status).Light);

    [Fact]
    public void Times_are_shown_and_typed_in_the_countrys_zone_summer_and_winter()
    {
        Assert.Equal("01.12.2026 09:00", LocalTime.Format(Opened));                                     // CET, UTC+1
        Assert.Equal("01.07.2026 10:00", LocalTime.Format(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero))); // CEST, UTC+2
        Assert.Equal("2026-12-01T09:00", LocalTime.ToInput(Opened));
        Assert.Equal(Opened, LocalTime.FromInput("2026-12-01T09:00"));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), LocalTime.FromInput("2026-07-01T10:00"));
        Assert.Equal(Opened.AddSeconds(30), LocalTime.FromInput("2026-12-01T09:00:30"));
        Assert.Null(LocalTime.FromInput("yesterday"));
        Assert.Null(LocalTime.FromInput(null));
    }

    [Fact]
    public void A_team_member_sees_her_own_duties_first_then_everyones_by_deadline()
    {
        var (mine, colleague) = (Guid.NewGuid(), Guid.NewGuid());
        PlanDetail.Clock Clock(string kind, Guid? owner, double hours) => new(kind, owner, null, Opened, Opened.AddHours(hours), "pending");
        var plan = new PlanDetail(Guid.NewGuid(), Guid.NewGuid(), "SK-2026-0001", "SK", Guid.NewGuid(), "adopted", Opened, [], "high", [], Opened, [],
            [Clock("member-contact", colleague, 2), Clock("daily-report", mine, 30), Clock("weekly-evaluation", null, 10), Clock("member-contact", mine, 48)])
        {
            CallerSeatId = mine,
        };
        Assert.Equal([("daily-report", 30.0), ("member-contact", 48.0), ("member-contact", 2.0), ("weekly-evaluation", 10.0)],
            plan.ClocksForCaller.Select(c => (c.Kind, (c.DeadlineAt - Opened).TotalHours)));
        Assert.Equal(["member-contact", "weekly-evaluation", "daily-report", "member-contact"],
            (plan with { CallerSeatId = null }).ClocksForCaller.Select(c => c.Kind));
    }
}
