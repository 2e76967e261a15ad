namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>One clock of a record as a visit found it: its kind (e.g. "first-contact") and its two moments.</summary>
public readonly record struct RunningClock(string Kind, DateTimeOffset DueFrom, DateTimeOffset DeadlineAt);

/// <summary>What a watcher's visit to one record found, and so when to look at it again.</summary>
/// <param name="Place">The centre's or municipality's code the record's clocks are owed in: the only label of the operators' gauges.</param>
/// <param name="Clocks">The record's running clocks, kept as the record's <see cref="OpenClock"/> rows until its next visit.</param>
public readonly record struct DeadlineVisit(bool HeldElsewhere, DateTimeOffset? NextCheckAt, string Place, IReadOnlyList<RunningClock> Clocks)
{
    /// <summary>Another transaction holds the record: its checks stay, and the next round tries again.</summary>
    public static DeadlineVisit Busy => new(true, null, "", []);

    /// <summary>Gone or closed: no clock runs, so nothing to look at until a change marks it again.</summary>
    public static DeadlineVisit Done => new(false, null, "", []);

    /// <summary>
    /// The record's running clocks, and the first moment after <paramref name="now"/> when one of them changes
    /// status: a pending one turns due, a due one overdue. An overdue clock stays so until the record changes,
    /// and a clock is only started or moved by a change to the record, which marks it (<see cref="DeadlineInputs"/>):
    /// so nothing else can make a stage due in between.
    /// </summary>
    public static DeadlineVisit Until(string place, IEnumerable<RunningClock> clocks, DateTimeOffset now)
    {
        var running = clocks.ToList();
        return new(false, running
            .Select(c => now < c.DueFrom ? c.DueFrom : now < c.DeadlineAt ? c.DeadlineAt : (DateTimeOffset?)null)
            .Where(at => at is not null)
            .Min(), place, running);
    }
}
