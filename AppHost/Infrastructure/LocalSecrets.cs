using System.Security.Cryptography;
using System.Text.Json;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// Passwords of the local servers, made once per state folder and kept beside their data (mode 0600), so a
/// second start reuses the data with the password it was created with. Never committed: the state folder
/// is git-ignored.
/// </summary>
public sealed record LocalSecrets(string PostgresPassword, string RabbitMqPassword)
{
    public static LocalSecrets LoadOrCreate(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, "secrets.json");
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<LocalSecrets>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty; remove the state folder to start afresh.");
        }

        var secrets = new LocalSecrets(NewPassword(), NewPassword());
        PrivateFiles.Write(path, JsonSerializer.Serialize(secrets));
        return secrets;
    }

    // Letters and digits only: the value goes into URIs and connection strings unescaped.
    private static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 32);
}
