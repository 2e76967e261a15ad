namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>One stage a deadline watcher records, and whether it also tells anyone.</summary>
public readonly record struct StageToRecord(ClockStatus Stage, bool Publish);

/// <summary>
/// The rule every deadline watcher follows: each deadline raises "due" once and "overdue" once. A service
/// that was down across both moments raises only "overdue" when it returns (a late reminder would only
/// confuse), and records "due" silently so it is never raised afterwards.
/// </summary>
public static class AlertStages
{
    /// <param name="status">The deadline's status now.</param>
    /// <param name="raised">Whether a stage was already recorded for this deadline.</param>
    public static IReadOnlyList<StageToRecord> ToRecord(ClockStatus status, Func<ClockStatus, bool> raised) => status switch
    {
        ClockStatus.Overdue when !raised(ClockStatus.Overdue) => raised(ClockStatus.Due)
            ? [new(ClockStatus.Overdue, Publish: true)]
            : [new(ClockStatus.Due, Publish: false), new(ClockStatus.Overdue, Publish: true)],
        ClockStatus.Due when !raised(ClockStatus.Due) => [new(ClockStatus.Due, Publish: true)],
        _ => [],
    };
}
