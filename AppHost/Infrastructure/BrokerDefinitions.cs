using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// The local broker's users and permissions as a RabbitMQ definitions file, which the broker imports at every boot
/// (load_definitions in eng/local/rabbitmq.sh). Passwords are stored as RabbitMQ's salted SHA-256 hashes; the file is
/// created owner-only.
/// </summary>
public static class BrokerDefinitions
{
    public static void Write(string path, IReadOnlyCollection<BrokerUser> users)
    {
        var definitions = new
        {
            users = users.Select(u => new
            {
                name = u.Name,
                password_hash = Hash(u.Password),
                hashing_algorithm = "rabbit_password_hashing_sha256",
                tags = u.Configure == ".*" ? new[] { "administrator" } : [],
            }),
            vhosts = new[] { new { name = "/" } },
            permissions = users.Select(u => new { user = u.Name, vhost = "/", configure = u.Configure, write = u.Write, read = u.Read }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        PrivateFiles.Write(path, JsonSerializer.SerializeToUtf8Bytes(definitions));
    }

    /// <summary>RabbitMQ's rabbit_password_hashing_sha256: base64(salt ‖ SHA-256(salt ‖ password)), with a 4-byte salt.</summary>
    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
        return Convert.ToBase64String([.. salt, .. hash]);
    }
}
