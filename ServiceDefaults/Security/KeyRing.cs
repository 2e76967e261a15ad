using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Safeguard.ServiceDefaults.Security;

/// <summary>
/// A process's own Data Protection key ring (issue 24 §3): a folder no other service reads
/// (DataProtection:KeyRingPath), each key wrapped at rest with a certificate kept apart from the ring
/// (DataProtection:KeyEncryptionCertificatePath, a PKCS#12 file). A copy of the ring alone opens nothing. Data
/// Protection makes a new key every 90 days and keeps the old ones to read older values.
/// </summary>
public static class KeyRing
{
    public const string PathSetting = "DataProtection:KeyRingPath";
    public const string CertificateSetting = "DataProtection:KeyEncryptionCertificatePath";

    /// <summary>
    /// Both settings are required: a process that kept its keys in clear, or in a ring another service shares, because a
    /// setting was missing would be worse than one that does not start.
    /// </summary>
    public static IDataProtectionBuilder AddWrappedKeyRing(this IHostApplicationBuilder builder)
    {
        var ring = builder.Configuration[PathSetting];
        var certificatePath = builder.Configuration[CertificateSetting];
        if (string.IsNullOrWhiteSpace(ring) || string.IsNullOrWhiteSpace(certificatePath))
        {
            throw new InvalidOperationException($"{PathSetting} and {CertificateSetting} must be set (the AppHost sets both; README \"Keys\").");
        }
        if (!OperatingSystem.IsWindows())
        {
            // Files this process makes, its keys among them, are owner-only from the moment they exist.
            _ = umask(0b000_111_111);
        }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password: null, X509KeyStorageFlags.EphemeralKeySet);
        return builder.Services.AddDataProtection()
            // One application name: what keeps services apart is that each has keys of its own.
            .SetApplicationName("Safeguard")
            .PersistKeysToFileSystem(new DirectoryInfo(ring))
            .ProtectKeysWithCertificate(certificate)
            // Read with this certificate, not through the machine's certificate store.
            .UnprotectKeysWithAnyCertificate(certificate);
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint umask(uint mask);
}
