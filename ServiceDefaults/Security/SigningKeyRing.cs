using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Safeguard.ServiceDefaults.Security;

/// <summary>
/// The identity service's token keys: RSA certificates in one folder (owner-only files), never in a database.
/// Tokens are signed with the current signing certificate and every signing certificate still valid is
/// published (JWKS), so a token signed before a rollover keeps validating until it expires. A certificate whose
/// validity has not begun is published but not used yet: services learn it before the first token needs it.
/// A deployment mounts its own certificates here; a local platform makes them on first start.
/// </summary>
public sealed class SigningKeyRing
{
    private const string SigningPrefix = "signing-";
    private const string EncryptionFile = "encryption.pfx";
    private static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    private SigningKeyRing(string directory, IReadOnlyList<X509Certificate2> signing, X509Certificate2 encryption)
    {
        Directory = directory;
        SigningCertificates = signing;
        EncryptionCertificate = encryption;
    }

    public string Directory { get; }

    /// <summary>Every signing certificate not yet expired, newest first.</summary>
    public IReadOnlyList<X509Certificate2> SigningCertificates { get; }

    /// <summary>Encrypts what only the identity service reads back (authorization codes, refresh tokens).</summary>
    public X509Certificate2 EncryptionCertificate { get; }

    /// <summary>The certificate that signs now: valid already, and the one that stays valid longest.</summary>
    public X509Certificate2 Current(DateTimeOffset now) =>
        SigningCertificates.Where(c => c.NotBefore.ToUniversalTime() <= now.UtcDateTime)
            .MaxBy(c => c.NotAfter) ?? throw new InvalidOperationException($"No signing certificate in {Directory} is valid yet.");

    /// <summary>What signs a token with the current certificate (RS256).</summary>
    public SigningCredentials CurrentCredentials(DateTimeOffset now) => CredentialsOf(Current(now));

    /// <summary>A signing certificate as token signing credentials (RS256).</summary>
    public static SigningCredentials CredentialsOf(X509Certificate2 certificate) => new(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256);

    /// <summary>Reads the folder, making a signing and an encryption certificate when none is valid any more.</summary>
    public static SigningKeyRing LoadOrCreate(string directory, DateTimeOffset now)
    {
        var ring = Load(directory, now);
        if (ring.SigningCertificates.Count == 0)
        {
            AddSigningCertificate(directory, now);
            ring = Load(directory, now);
        }
        return ring;
    }

    /// <summary>Reads the folder as it is; an encryption certificate is made if missing.</summary>
    public static SigningKeyRing Load(string directory, DateTimeOffset now)
    {
        System.IO.Directory.CreateDirectory(directory);
        var encryptionPath = Path.Combine(directory, EncryptionFile);
        if (!File.Exists(encryptionPath))
        {
            Write(encryptionPath, NewCertificate("CN=Safeguard token encryption", now, TimeSpan.FromDays(3650), X509KeyUsageFlags.KeyEncipherment));
        }
        var signing = System.IO.Directory.EnumerateFiles(directory, SigningPrefix + "*.pfx")
            .Select(Read)
            .Where(c => c.NotAfter.ToUniversalTime() > now.UtcDateTime)
            .OrderByDescending(c => c.NotBefore)
            .ToList();
        return new SigningKeyRing(directory, signing, Read(encryptionPath));
    }

    /// <summary>
    /// A new signing certificate valid from <paramref name="notBefore"/>: published from the identity service's
    /// next reading of the folder, used from its start of validity on.
    /// </summary>
    public static X509Certificate2 AddSigningCertificate(string directory, DateTimeOffset notBefore)
    {
        System.IO.Directory.CreateDirectory(directory);
        var certificate = NewCertificate("CN=Safeguard token signing", notBefore, Validity, X509KeyUsageFlags.DigitalSignature);
        Write(Path.Combine(directory, $"{SigningPrefix}{notBefore.UtcDateTime:yyyyMMddHHmmssfff}.pfx"), certificate);
        return certificate;
    }

    private static X509Certificate2 NewCertificate(string subject, DateTimeOffset notBefore, TimeSpan validity, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        return request.CreateSelfSigned(notBefore, notBefore + validity);
    }

    private static void Write(string path, X509Certificate2 certificate)
    {
        var pfx = certificate.Export(X509ContentType.Pkcs12);
        // Written under another name, then renamed: whoever watches the folder never reads half a certificate.
        var partial = path + ".partial";
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllBytes(partial, pfx);
        }
        else
        {
            // Created owner-only, then filled: the private key is never readable by others, not even for a moment.
            using var file = new FileStream(partial, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            file.Write(pfx);
        }
        File.Move(partial, path, overwrite: false);
    }

    private static X509Certificate2 Read(string path) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
}
