using System.Security.Cryptography;
using System.Text.Json;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// Keys of a local platform, made once per state folder (mode 0600) and never kept in a database: the key of
/// the name-search hashes and the folder of the Data Protection key ring that encrypts personal data at rest.
/// The identity service keeps its token certificates in a folder of its own (SigningKeyRing). Production
/// supplies these from its own secret store instead (README, "Keys").
/// </summary>
public sealed record PlatformKeys(string SearchKey)
{
    public static PlatformKeys LoadOrCreate(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, "platform-keys.json");
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<PlatformKeys>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty; remove the state folder to start afresh.");
        }
        var keys = new PlatformKeys(NewKey());
        File.WriteAllText(path, JsonSerializer.Serialize(keys));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return keys;
    }

    /// <summary>Where the services' Data Protection key ring lives (outside every database).</summary>
    public static string KeyRingDirectory(string stateDirectory) => Path.Combine(stateDirectory, "key-ring");

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
