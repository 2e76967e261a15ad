namespace Safeguard.SafetyPlan.Kpis;

/// <summary>How one deadline of a chain ended: met by an entry at or before it, or missed; <see cref="DecidedAt"/> is when that became so.</summary>
public readonly record struct DeadlineOutcome(DateTimeOffset Deadline, bool Met, DateTimeOffset DecidedAt);

/// <summary>
/// A recurring duty as the plan's clocks run it (<see cref="Monitoring.PlanClocks"/>): from the start the first deadline
/// runs; an entry at or before the running deadline meets it, and the next deadline runs from the entry. A deadline
/// passed without an entry is missed once (one overdue alert), and the late entry, when it comes, starts the clock
/// anew (Art. 21: every 48 hours, and daily on working days).
/// </summary>
public static class DeadlineChain
{
    /// <param name="next">The deadline that runs from an entry (or from the start).</param>
    /// <param name="until">The end of the duty (the plan closed, the seat left) or now: deadlines after it are not decided yet.</param>
    public static IReadOnlyList<DeadlineOutcome> Of(DateTimeOffset start, IEnumerable<DateTimeOffset> entries, Func<DateTimeOffset, DateTimeOffset> next,
        DateTimeOffset until)
    {
        var outcomes = new List<DeadlineOutcome>();
        var deadline = next(start);
        foreach (var at in entries.Where(e => e >= start && e <= until).Order())
        {
            outcomes.Add(at <= deadline ? new(deadline, true, at) : new(deadline, false, deadline));
            deadline = next(at);
        }
        if (deadline <= until)
        {
            outcomes.Add(new(deadline, false, deadline));
        }
        return outcomes;
    }
}
