namespace Safeguard.Platform.Tests;

/// <summary>
/// Test classes that move the services' clocks by hours. They run alone, after the others: a moved clock would
/// turn the other classes' fresh cases overdue and send their centres e-mails they do not expect.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClockMovingCollection
{
    public const string Name = "moves the clocks";
}
