using System.Linq.Expressions;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Cases;

namespace Safeguard.Reintegration.Clocks;

public enum ClockKind
{
    /// <summary>004 §1.1: visit the family and fill the needs-assessment form within 72 hours of return, status or release.</summary>
    Visit,

    /// <summary>004 §1.4: monitor the individual plan every month.</summary>
    MonthlyMonitoring,

    /// <summary>
    /// Alerts raised when the quarterly evaluation was counted per case stay readable; 004 §1.4 evaluates the
    /// municipality's schemes, which <see cref="Schemes.Quarter"/> schedules, so no case runs this clock now.
    /// </summary>
    QuarterlyEvaluation,

    /// <summary>004 §2.7: after 12 months, identify who still needs support (e.g. extended housing) and budget for it.</summary>
    TwelveMonthReview,

    /// <summary>004 §1.5: the final assessment closes the case after 18 months and records whether reintegration is sustainable.</summary>
    FinalAssessment,
}

/// <summary>One deadline of a case; <see cref="DueFrom"/> is when the office is reminded.</summary>
public sealed record ClockState(ClockKind Clock, DateTimeOffset DueFrom, DateTimeOffset DeadlineAt, ClockStatus Status)
{
    /// <summary>The clock as the operators' gauges count it.</summary>
    public RunningClock ToRunning() => new(KebabCaseEnum.Name(Clock), DueFrom, DeadlineAt);
}

/// <summary>The fields of an open case that its deadlines are computed from: the clock watcher reads only these.</summary>
public sealed record ClockInputs(
    Guid CaseId, DateTimeOffset ArrivalAt, DateTimeOffset? VisitedAt, DateTimeOffset? PlanAdoptedAt,
    DateTimeOffset? LastMonthlyMonitoringAt, DateTimeOffset? TwelveMonthReviewAt)
{
    /// <summary>The one list of those fields: a query selects with it, and <see cref="Of"/> runs it on a loaded case.</summary>
    public static readonly Expression<Func<ReintegrationCase, ClockInputs>> FromCase = c => new ClockInputs(
        c.Id, c.ArrivalAt, c.VisitedAt, c.PlanAdoptedAt, c.LastMonthlyMonitoringAt, c.TwelveMonthReviewAt);

    private static readonly Func<ReintegrationCase, ClockInputs> FromLoadedCase = FromCase.Compile();

    public static ClockInputs Of(ReintegrationCase c) => FromLoadedCase(c);
}

/// <summary>
/// The deadlines of a reintegration case, computed from its record and never stored, so they always say
/// what the record says. Months are calendar months.
/// </summary>
public static class CaseClocks
{
    public static readonly TimeSpan VisitWindow = TimeSpan.FromHours(72);            // 004 §1.1
    private static readonly TimeSpan VisitLead = TimeSpan.FromHours(24);
    private static readonly TimeSpan MonthlyLead = TimeSpan.FromDays(5);
    public const int MonitoringMonths = 1;                                         // 004 §1.4 monthly
    public const int SupportReviewMonths = 12;                                     // 004 §2.7
    public const int FinalAssessmentMonths = 18;                                   // 004 §1.5

    public static IReadOnlyList<ClockState> Compute(ReintegrationCase c, DateTimeOffset now) =>
        c.IsClosed ? [] : Compute(ClockInputs.Of(c), now);

    /// <summary>The deadlines of an open case.</summary>
    public static IReadOnlyList<ClockState> Compute(ClockInputs c, DateTimeOffset now)
    {
        var clocks = new List<ClockState>();
        if (c.VisitedAt is null)
        {
            var deadline = c.ArrivalAt + VisitWindow;
            clocks.Add(State(ClockKind.Visit, deadline - VisitLead, deadline, now));
        }
        if (c.PlanAdoptedAt is { } adopted)
        {
            var monthly = (c.LastMonthlyMonitoringAt ?? adopted).AddMonths(MonitoringMonths);
            clocks.Add(State(ClockKind.MonthlyMonitoring, monthly - MonthlyLead, monthly, now));
        }
        if (c.TwelveMonthReviewAt is null)
        {
            var deadline = c.ArrivalAt.AddMonths(SupportReviewMonths);
            clocks.Add(State(ClockKind.TwelveMonthReview, deadline.AddMonths(-1), deadline, now));
        }
        var final = c.ArrivalAt.AddMonths(FinalAssessmentMonths);
        clocks.Add(State(ClockKind.FinalAssessment, final.AddMonths(-1), final, now));
        return clocks;
    }

    /// <summary>Null before the visit; then whether it came within the 72 hours of 004 §1.1.</summary>
    public static bool? VisitKept(ReintegrationCase c) => c.VisitedAt is { } visited ? visited <= c.ArrivalAt + VisitWindow : null;

    private static ClockState State(ClockKind clock, DateTimeOffset dueFrom, DateTimeOffset deadline, DateTimeOffset now) =>
        new(clock, dueFrom, deadline, now >= deadline ? ClockStatus.Overdue : now >= dueFrom ? ClockStatus.Due : ClockStatus.Pending);
}
