using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Calendar;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Monitoring;

public enum ClockKind
{
    /// <summary>Art. 15: contact with the victim within the first 12 hours after the plan is adopted.</summary>
    FirstContact,

    /// <summary>Art. 21: each responsible member contacts the victim at least once every 48 hours.</summary>
    MemberContact,

    /// <summary>Art. 21: each member reports to the centre at least once a day on working days.</summary>
    DailyReport,

    /// <summary>Art. 21: the team evaluates the effects at least once a week while risk lasts.</summary>
    WeeklyEvaluation,

    /// <summary>Art. 21: on new or increased risk the team is convened immediately (here: within 12 hours).</summary>
    Reconvene,

    /// <summary>Art. 31: temporary custody of the children to the victim parent within 12 hours of the report.</summary>
    Custody,

    /// <summary>Art. 16: the individual plan is reviewed regularly, at the interval the centre set for it.</summary>
    Review,
}

/// <summary>One deadline of a plan, computed from the record; <see cref="Owner"/> is null when the team owes it.</summary>
public sealed record ClockState(ClockKind Clock, Guid? OwnerMembershipId, string? Owner, DateTimeOffset DueFrom, DateTimeOffset DeadlineAt, ClockStatus Status)
{
    /// <summary>The clock as the operators' gauges count it: its kind and moments, never its owner.</summary>
    public RunningClock ToRunning() => new(KebabCaseEnum.Name(Clock), DueFrom, DeadlineAt);
}

/// <summary>
/// The monitoring clocks of an adopted plan (Rulebook Art. 15, 21), computed from the plan, its measures and
/// the monitoring sheet, never stored, so they are always what the record says. Each deadline has a "due"
/// moment before it, when the owner is reminded. Of the monitoring sheet it reads only the latest entry of each
/// kind per member (<see cref="PlanRecord"/> loads no more): keep it so.
/// </summary>
public static class PlanClocks
{
    public static readonly TimeSpan FirstContactWindow = TimeSpan.FromHours(12);   // Art. 15
    public static readonly TimeSpan MemberContactWindow = TimeSpan.FromHours(48);  // Art. 21
    public static readonly TimeSpan EvaluationWindow = TimeSpan.FromDays(7);       // Art. 21
    public static readonly TimeSpan ReconveneWindow = TimeSpan.FromHours(12);      // Art. 21 "immediately": the rulebook's own urgent window
    public static readonly TimeSpan CustodyWindow = TimeSpan.FromHours(12);        // Art. 31
    private static readonly TimeSpan CustodyLead = TimeSpan.FromHours(4);
    private static readonly TimeSpan FirstContactLead = TimeSpan.FromHours(4);
    private static readonly TimeSpan MemberContactLead = TimeSpan.FromHours(12);
    private static readonly TimeSpan EvaluationLead = TimeSpan.FromDays(1);
    private static readonly TimeSpan ReportDayStarts = TimeSpan.FromHours(8);
    private static readonly TimeZoneInfo Country = FindCountryZone();

    public static IReadOnlyList<ClockState> Compute(
        Plans.SafetyPlan plan, IReadOnlyList<PlanMeasure> measures, IReadOnlyList<MonitoringEntry> entries,
        IReadOnlyList<TeamMembership> seats, DateTimeOffset now)
    {
        var clocks = new List<ClockState>();
        if (plan.State == PlanState.Closed)
        {
            return clocks;
        }

        // Art. 31 runs from the report, adopted plan or not, until the custody measure is carried out or stopped.
        var custody = measures.FirstOrDefault(m => m.Code == "temporary-custody-to-victim-parent");
        if (custody is { Status: MeasureStatus.Planned or MeasureStatus.InProgress })
        {
            var deadline = plan.ViolenceReportedAt + CustodyWindow;
            clocks.Add(State(ClockKind.Custody, custody.ResponsibleMembershipId,
                seats.FirstOrDefault(s => s.Id == custody.ResponsibleMembershipId)?.Person.FullName, deadline - CustodyLead, deadline, now));
        }

        if (plan.State != PlanState.Adopted || plan.AdoptedAt is not { } adopted)
        {
            return clocks;
        }
        var names = seats.ToDictionary(s => s.Id, s => s.Person.FullName);

        // Art. 21: after the latest risk alert the team must meet again.
        var alert = entries.Where(e => e.Kind == MonitoringKind.RiskAlert).MaxBy(e => e.At);
        if (alert is not null && !entries.Any(e => e.Kind == MonitoringKind.Meeting && e.At >= alert.At))
        {
            clocks.Add(State(ClockKind.Reconvene, null, null, alert.At, alert.At + ReconveneWindow, now));
        }

        // Contact clocks run only where the victim's consent allows contact measures (Art. 11, 22).
        if (plan.ConsentAllowsVictimMeasures)
        {
            if (!entries.Any(e => e.Kind == MonitoringKind.Contact && e.At >= adopted))
            {
                var deadline = adopted + FirstContactWindow;
                clocks.Add(State(ClockKind.FirstContact, null, null, deadline - FirstContactLead, deadline, now));
            }
            foreach (var owner in measures.Where(m => m.RequiresConsent && m.ResponsibleMembershipId != null)
                         .Select(m => m.ResponsibleMembershipId!.Value).Distinct())
            {
                var last = LastOf(entries, MonitoringKind.Contact, owner) ?? adopted;
                var deadline = Max(last, adopted) + MemberContactWindow;
                clocks.Add(State(ClockKind.MemberContact, owner, names.GetValueOrDefault(owner), deadline - MemberContactLead, deadline, now));
            }
        }

        foreach (var member in seats.Where(s => s.Role == MemberRole.Member))
        {
            var last = LastOf(entries, MonitoringKind.Report, member.Id) ?? adopted;
            var deadline = EndOfNextWorkingDay(Max(last, adopted));
            clocks.Add(State(ClockKind.DailyReport, member.Id, member.Person.FullName, StartOfReportDay(deadline), deadline, now));
        }

        var lastEvaluation = entries.Where(e => e.Kind == MonitoringKind.Evaluation).Select(e => (DateTimeOffset?)e.At).Max() ?? adopted;
        var evaluationDeadline = Max(lastEvaluation, adopted) + EvaluationWindow;
        clocks.Add(State(ClockKind.WeeklyEvaluation, null, null, evaluationDeadline - EvaluationLead, evaluationDeadline, now));
        return clocks;
    }

    /// <summary>
    /// The end (23:59:59 in the country's time) of the first working day after <paramref name="after"/>'s day:
    /// Art. 21's "working week" skips weekends and the country's public holidays (<see cref="WorkingCalendar"/>).
    /// </summary>
    public static DateTimeOffset EndOfNextWorkingDay(DateTimeOffset after)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, Country).Date).AddDays(1);
        while (!WorkingCalendar.NorthMacedonia.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        var end = day.ToDateTime(TimeOnly.MinValue).AddDays(1).AddTicks(-TimeSpan.TicksPerSecond);
        return new DateTimeOffset(end, Country.GetUtcOffset(end));
    }

    private static DateTimeOffset StartOfReportDay(DateTimeOffset deadline)
    {
        var local = TimeZoneInfo.ConvertTime(deadline, Country).Date + ReportDayStarts;
        return new DateTimeOffset(local, Country.GetUtcOffset(local));
    }

    private static DateTimeOffset? LastOf(IReadOnlyList<MonitoringEntry> entries, MonitoringKind kind, Guid membershipId) =>
        entries.Where(e => e.Kind == kind && e.MembershipId == membershipId).Select(e => (DateTimeOffset?)e.At).Max();

    /// <summary>A deadline's status now: pending, due from its reminder, overdue at the deadline.</summary>
    internal static ClockState State(ClockKind clock, Guid? owner, string? ownerName, DateTimeOffset dueFrom, DateTimeOffset deadline, DateTimeOffset now) =>
        new(clock, owner, ownerName, dueFrom, deadline, now >= deadline ? ClockStatus.Overdue : now >= dueFrom ? ClockStatus.Due : ClockStatus.Pending);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeZoneInfo FindCountryZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Skopje");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
