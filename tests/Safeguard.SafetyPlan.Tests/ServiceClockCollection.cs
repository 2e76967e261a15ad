namespace Safeguard.SafetyPlan.Tests;

/// <summary>
/// Test classes that move safety-plan's clock, or wait inside one of its "due" windows, share it: they run
/// one after another (one collection), never beside each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceClockCollection
{
    public const string Name = "safety-plan clock";
}
