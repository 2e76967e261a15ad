using System.Text.RegularExpressions;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// A service's own RabbitMQ user (issue 24 §2), with what RabbitMQ's permissions (regular expressions on names, per
/// virtual host) let it do. MassTransit names a consumer's queue and exchange after the service ("notification-case-opened",
/// its "_error" queue too) and an event's exchange after its contract ("Safeguard.Contracts.RiskAssessment:CaseOpened").
/// So a service publishes only to its own contracts' exchanges and its own endpoints; it reads only its own queues.
/// It may declare and bind (read) any contract's exchange, because a consumer declares the publisher's exchange and
/// binds its queue to it. Neither lets it publish there or read another service's queue.
/// </summary>
public sealed record BrokerUser(string Name, string Password, string Configure, string Write, string Read)
{
    private const string AnyContract = @"Safeguard\.Contracts\..+";

    /// <param name="service">The service's name, which prefixes its queues and endpoint exchanges.</param>
    /// <param name="publishes">The namespace of the contracts it publishes (Safeguard.Contracts.<i>RiskAssessment</i>), or null.</param>
    public static BrokerUser For(string service, string? publishes, string password)
    {
        var own = Regex.Escape(service) + "-.*";
        var write = publishes is null ? own : $@"{own}|Safeguard\.Contracts\.{Regex.Escape(publishes)}:.+";
        return new BrokerUser(service, password, $"^({own}|{AnyContract})$", $"^({write})$", $"^({own}|{AnyContract})$");
    }

    /// <summary>The platform's own administrator (the tests' listeners, the operator's tools): everything.</summary>
    public static BrokerUser Administrator(string name, string password) => new(name, password, ".*", ".*", ".*");
}
