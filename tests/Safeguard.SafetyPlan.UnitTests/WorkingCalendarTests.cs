using Safeguard.SafetyPlan.Calendar;
using Safeguard.SafetyPlan.Monitoring;

namespace Safeguard.SafetyPlan.UnitTests;

/// <summary>Art. 21: daily reports "during the working week", in the country whose Rulebook it is.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    [Theory]
    [InlineData(2024, 5, 5)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 12)]
    [InlineData(2027, 5, 2)]
    [InlineData(2028, 4, 16)]
    public void Orthodox_Easter_is_computed(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), WorkingCalendar.OrthodoxEaster(year));
    }

    [Fact]
    public void Every_year_of_the_plan_period_has_the_laws_holidays_Easter_Monday_and_its_decided_dates_marked_to_be_confirmed()
    {
        var calendar = WorkingCalendar.NorthMacedonia;

        Assert.Equal([2026, 2027, 2028], calendar.YearsOnFile);
        foreach (var year in new[] { 2026, 2027, 2028 })
        {
            var holidays = calendar.HolidaysOf(year);
            Assert.Equal(11, holidays.Count);
            Assert.Contains(holidays, h => h.Date == new DateOnly(year, 12, 8) && !h.ToBeConfirmed);
            Assert.Contains(holidays, h => h.Date == WorkingCalendar.OrthodoxEaster(year).AddDays(1) && !h.ToBeConfirmed);
            var decided = Assert.Single(holidays, h => h.ToBeConfirmed);
            Assert.Contains("Ramadan Bayram", decided.Name);
        }
    }

    [Fact]
    public void A_holiday_on_a_weekday_is_not_a_working_day()
    {
        var calendar = WorkingCalendar.NorthMacedonia;

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 8)));  // Tuesday, Saint Clement of Ohrid
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 4, 13)));  // Easter Monday (Orthodox)
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 12))); // Saturday
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 9)));
    }

    [Fact]
    public void A_report_due_on_a_holiday_is_due_on_the_next_working_day_instead()
    {
        // Reported on Monday 7 December 2026: Tuesday the 8th is a holiday, so the next report is due Wednesday.
        var deadline = PlanClocks.EndOfNextWorkingDay(new DateTimeOffset(2026, 12, 7, 15, 0, 0, Winter));

        Assert.Equal(new DateTimeOffset(2026, 12, 9, 23, 59, 59, Winter), deadline);
    }

    [Fact]
    public void A_report_on_the_Friday_before_Orthodox_Easter_is_next_due_on_Tuesday()
    {
        var deadline = PlanClocks.EndOfNextWorkingDay(new DateTimeOffset(2026, 4, 10, 11, 0, 0, Summer));

        Assert.Equal(new DateTimeOffset(2026, 4, 14, 23, 59, 59, Summer), deadline);
    }

    [Fact]
    public void On_an_ordinary_week_the_next_report_is_due_by_the_end_of_the_next_weekday()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 23, 59, 59, Winter),
            PlanClocks.EndOfNextWorkingDay(new DateTimeOffset(2026, 11, 24, 9, 0, 0, Winter)));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 59, 59, Winter),
            PlanClocks.EndOfNextWorkingDay(new DateTimeOffset(2026, 11, 27, 9, 0, 0, Winter)));
    }
}
