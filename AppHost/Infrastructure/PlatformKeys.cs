using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Safeguard.AppHost.Infrastructure;

/// <summary>
/// Keys of a local platform (issue 24 §3), made once per state folder and never kept in a database. Each process has
/// its own Data Protection key ring (key-rings/&lt;process&gt;), the certificate that wraps that ring's keys, kept in
/// another folder (key-encryption/&lt;process&gt;.pfx), and, for the services, its own name-search key derived from
/// the platform's search secret with HKDF, so hashes of one service cannot be joined with another's. Files are
/// mode 0600 and folders 0700 from the start. The identity service keeps its token certificates apart
/// (SigningKeyRing). Production supplies all of these from its own secret store instead (README, "Keys").
/// </summary>
public sealed class PlatformKeys
{
    private const string SharedRingFolder = "key-ring";
    private readonly string _stateDirectory;
    private readonly byte[] _searchSecret;

    private PlatformKeys(string stateDirectory, byte[] searchSecret) => (_stateDirectory, _searchSecret) = (stateDirectory, searchSecret);

    private sealed record Stored(string SearchKey);

    public static PlatformKeys LoadOrCreate(string stateDirectory)
    {
        // Not owner-only itself: the local PostgreSQL runs as its own user and keeps its data below it.
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, "platform-keys.json");
        if (!File.Exists(path))
        {
            PrivateFiles.Write(path, JsonSerializer.Serialize(new Stored(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))));
        }
        var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty; remove the state folder to start afresh.");
        return new PlatformKeys(stateDirectory, Convert.FromBase64String(stored.SearchKey));
    }

    /// <summary>The service's own name-search key (base64, 256 bits): HKDF-SHA256 of the platform's secret, with the service's name as its context.</summary>
    public string SearchKey(string service) =>
        Convert.ToBase64String(HKDF.DeriveKey(HashAlgorithmName.SHA256, _searchSecret, 32, salt: [], info: Encoding.UTF8.GetBytes("safeguard/name-search/" + service)));

    /// <summary>
    /// The process's own key ring folder. A domain service's new ring starts with the keys of the platform's former
    /// shared ring, if this state folder has one (<paramref name="carryOver"/>), so what they encrypted stays readable
    /// until the service's migrate step re-encrypts it under a key of its own and removes them.
    /// </summary>
    public string KeyRing(string process, bool carryOver)
    {
        var ring = Path.Combine(_stateDirectory, "key-rings", process);
        if (!Directory.Exists(ring))
        {
            PrivateFiles.Folder(Path.GetDirectoryName(ring)!);
            PrivateFiles.Folder(ring);
            var shared = Path.Combine(_stateDirectory, SharedRingFolder);
            if (carryOver && Directory.Exists(shared))
            {
                foreach (var key in Directory.EnumerateFiles(shared, "*.xml"))
                {
                    PrivateFiles.Write(Path.Combine(ring, Path.GetFileName(key)), File.ReadAllBytes(key));
                }
            }
        }
        return ring;
    }

    /// <summary>Removes the former shared ring once every service's ring holds its keys (before the platform starts).</summary>
    public void RetireSharedRing()
    {
        var shared = Path.Combine(_stateDirectory, SharedRingFolder);
        if (Directory.Exists(shared))
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    /// <summary>The PKCS#12 file of the certificate that wraps the process's keys, kept apart from its ring; made on first use.</summary>
    public string KeyEncryptionCertificate(string process)
    {
        var folder = PrivateFiles.Folder(Path.Combine(_stateDirectory, "key-encryption"));
        var path = Path.Combine(folder.FullName, process + ".pfx");
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest($"CN=Safeguard key encryption ({process})", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
            PrivateFiles.Write(path, certificate.Export(X509ContentType.Pkcs12));
        }
        return path;
    }
}
