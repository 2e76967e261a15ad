namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>Where a deadline stands: not yet near, near (the owner is reminded), or passed.</summary>
public enum ClockStatus
{
    Pending,
    Due,
    Overdue,
}
