namespace Safeguard.Reintegration.Tests;

/// <summary>Test classes that move reintegration's clock (by months) run one after another, never beside each other.</summary>
[CollectionDefinition(Name)]
public sealed class ReintegrationClockCollection
{
    public const string Name = "reintegration clock";
}
