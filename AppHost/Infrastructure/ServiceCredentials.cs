using System.Security.Cryptography;
using System.Text;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// Passwords of each service's own database roles and broker user on a local platform, derived from the state folder's secret
/// (HMAC-SHA256 of the role's name), so nothing more is stored and one role's password tells nothing of another's.
/// A deployment gives its services credentials from its own secret store instead (README, "Database roles").
/// </summary>
public sealed class ServiceCredentials(LocalSecrets secrets)
{
    public static ServiceCredentials For(PlatformSettings settings) => new(LocalSecrets.LoadOrCreate(settings.StateDirectory));

    public string DatabasePassword(string role) => Derive(secrets.PostgresPassword, "database-role:" + role);

    public string BrokerPassword(string user) => Derive(secrets.RabbitMqPassword, "broker-user:" + user);

    // Hex: the value goes into connection strings and URIs unescaped.
    private static string Derive(string secret, string purpose) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(purpose)));
}
