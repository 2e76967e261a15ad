namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>The receive endpoints (queues) of this service, as MassTransit configures them.</summary>
public sealed class ReceiveEndpoints
{
    private readonly HashSet<string> _names = [];

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_names)
            {
                return [.. _names.Order(StringComparer.Ordinal)];
            }
        }
    }

    internal void Add(string name)
    {
        lock (_names)
        {
            _names.Add(name);
        }
    }
}
