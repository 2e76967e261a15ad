namespace Safeguard.TrainingRegistry.ActionPlan;

/// <summary>What span of time a target is stated for, as read from the plan's wording.</summary>
public enum TargetScope
{
    /// <summary>For the activity's whole timeframe ("at least 20 trainers" over 2023-2025): compared with the count so far in it.</summary>
    Timeframe,

    /// <summary>For each year ("at least two meetings a year"): compared with that year's count.</summary>
    PerYear,
}
