namespace Safeguard.Contracts;

/// <summary>
/// Marker for every event published between services. Events carry case references and codes, never a
/// victim's name, address, phone number or story (Rulebook Art. 3: confidentiality of identity and data).
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>When the fact happened in the publishing service (UTC).</summary>
    DateTimeOffset OccurredAt { get; }
}
