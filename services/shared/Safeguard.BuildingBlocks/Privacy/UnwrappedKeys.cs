using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Privacy;

/// <summary>
/// Keys found in a service's ring in clear: those of the platform's former shared ring, which the AppHost moves into
/// each service's own ring so older values stay readable (issue 24 §3). The migrate step replaces and revokes them
/// before the backfill re-encrypts what they protected, then removes their files, so no key stays on disk in clear
/// and no service keeps a key that opens another's data.
/// </summary>
public static class UnwrappedKeys
{
    /// <summary>Makes a new (wrapped) key the default and revokes every key kept in clear.</summary>
    public static void Retire(IServiceProvider services, ILogger logger)
    {
        var keyManager = services.GetRequiredService<IKeyManager>();
        var revoked = keyManager.GetAllKeys().Where(k => k.IsRevoked).Select(k => k.KeyId).ToHashSet();
        var inClear = InClear(services).Where(k => !revoked.Contains(k.Id)).ToList();
        if (inClear.Count == 0)
        {
            return;
        }
        var now = DateTimeOffset.UtcNow;
        keyManager.CreateNewKey(now, now.AddDays(90));
        foreach (var key in inClear)
        {
            keyManager.RevokeKey(key.Id, "kept in clear at rest");
        }
        logger.LogWarning("Revoked {Count} key(s) kept in clear in the key ring; their values are re-encrypted under a new wrapped key", inClear.Count);
    }

    /// <summary>Once the backfill has re-encrypted every value, removes the files of revoked keys kept in clear.</summary>
    public static void Remove(IServiceProvider services, ILogger logger)
    {
        var revoked = services.GetRequiredService<IKeyManager>().GetAllKeys().Where(k => k.IsRevoked).Select(k => k.KeyId).ToHashSet();
        var removed = 0;
        foreach (var key in InClear(services).Where(k => revoked.Contains(k.Id)))
        {
            File.Delete(key.File);
            removed++;
        }
        if (removed > 0)
        {
            logger.LogWarning("Removed {Count} revoked key(s) kept in clear from the key ring", removed);
        }
    }

    private static IEnumerable<(string File, Guid Id)> InClear(IServiceProvider services)
    {
        var folder = services.GetRequiredService<IConfiguration>()[KeyRing.PathSetting];
        if (folder is null || !Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml"))
        {
            var key = XDocument.Load(file);
            // A wrapped key holds its secret in an <encryptedSecret> element; a key in clear, in <masterKey><value>.
            if (!key.Descendants("encryptedSecret").Any() && Guid.TryParse(key.Root?.Attribute("id")?.Value, out var id))
            {
                yield return (file, id);
            }
        }
    }
}
