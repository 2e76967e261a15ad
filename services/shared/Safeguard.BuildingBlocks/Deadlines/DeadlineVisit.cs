namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>What a watcher's visit to one record found, and so when to look at it again.</summary>
public readonly record struct DeadlineVisit(bool HeldElsewhere, DateTimeOffset? NextCheckAt)
{
    /// <summary>Another transaction holds the record: its checks stay, and the next round tries again.</summary>
    public static DeadlineVisit Busy => new(true, null);

    /// <summary>Gone or closed: no clock runs, so nothing to look at until a change marks it again.</summary>
    public static DeadlineVisit Done => new(false, null);

    /// <summary>Nothing to do before <paramref name="next"/>, when the record's one clock changes status.</summary>
    public static DeadlineVisit At(DateTimeOffset next) => new(false, next);

    /// <summary>
    /// The first moment after <paramref name="now"/> when one of the record's clocks changes status: a pending
    /// one turns due, a due one overdue. An overdue clock stays so until the record changes, and a clock is only
    /// started or moved by a change to the record, which marks it (<see cref="DeadlineInputs"/>): so nothing
    /// else can make a stage due in between.
    /// </summary>
    public static DeadlineVisit Until(IEnumerable<(DateTimeOffset DueFrom, DateTimeOffset DeadlineAt)> clocks, DateTimeOffset now) =>
        new(false, clocks
            .Select(c => now < c.DueFrom ? c.DueFrom : now < c.DeadlineAt ? c.DeadlineAt : (DateTimeOffset?)null)
            .Where(at => at is not null)
            .Min());
}
