namespace Safeguard.Replicas.Tests;

/// <summary>The platform with Safeguard:Replicas=2: "risk-assessment" and "risk-assessment-2", and so on for each domain service.</summary>
public sealed class ReplicatedPlatform : PlatformFixture
{
    public override int Replicas => 2;
}
