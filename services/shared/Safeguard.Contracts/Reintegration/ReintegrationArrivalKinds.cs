namespace Safeguard.Contracts.Reintegration;

/// <summary>The arrival kind that tells the centre of residence to prepare a release (000 §4.3.4).</summary>
public static class ReintegrationArrivalKinds
{
    public const string PreReleaseHandover = "pre-release-handover";
}
