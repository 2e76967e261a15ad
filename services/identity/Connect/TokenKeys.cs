using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.Connect;

/// <summary>
/// The token certificates as OpenIddict uses them, read from the key folder at start and again whenever a
/// certificate file is added or removed (the folder is looked at every few seconds: a mounted secret volume sends
/// no file events): a rollover is a new certificate dropped into the folder, and neither this service nor any
/// other restarts. OpenIddict signs with the valid certificate that expires last and publishes
/// all of them, so tokens signed by the previous one keep validating until they expire.
/// </summary>
public sealed class TokenKeys : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>, IDisposable
{
    private static readonly TimeSpan LookInterval = TimeSpan.FromSeconds(2);
    private readonly string _directory;
    private readonly Timer _looking;
    private volatile SigningKeyRing _ring;
    private string _seen;
    private CancellationTokenSource _changed = new();

    public TokenKeys(string directory)
    {
        _directory = directory;
        _ring = SigningKeyRing.LoadOrCreate(directory, DateTimeOffset.UtcNow);
        _seen = Fingerprint();
        _looking = new Timer(_ => Look(), null, LookInterval, LookInterval);
    }

    public SigningKeyRing Ring => _ring;

    public string? Name => Options.DefaultName;

    /// <summary>What signs now: the development issuer signs with it too.</summary>
    public SigningCredentials CurrentSigningCredentials(DateTimeOffset now) => Ring.CurrentCredentials(now);

    public void Configure(OpenIddictServerOptions options)
    {
        // Read afresh: options are rebuilt when the folder changes, possibly before the reload above has run.
        var ring = ReadOrKeep();
        foreach (var certificate in ring.SigningCertificates)
        {
            options.SigningCredentials.Add(SigningKeyRing.CredentialsOf(certificate));
        }
        options.EncryptionCredentials.Add(new EncryptingCredentials(new X509SecurityKey(ring.EncryptionCertificate),
            SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    /// <summary>The folder as it is now, or the keys read last if a certificate in it cannot be read (yet).</summary>
    private SigningKeyRing ReadOrKeep()
    {
        try
        {
            var ring = SigningKeyRing.Load(_directory, DateTimeOffset.UtcNow);
            return ring.SigningCertificates.Count > 0 ? ring : _ring;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return _ring;
        }
        catch (IOException)
        {
            return _ring;
        }
    }

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    /// <summary>When the certificate files changed, reads them and tells OpenIddict to rebuild its options.</summary>
    private void Look()
    {
        var now = Fingerprint();
        if (now == _seen)
        {
            return;
        }
        _seen = now;
        _ring = ReadOrKeep();
        var changed = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        changed.Cancel();
        changed.Dispose();
    }

    /// <summary>The certificate files' names and times: what a rollover changes.</summary>
    private string Fingerprint()
    {
        try
        {
            return string.Join('|', new DirectoryInfo(_directory).EnumerateFiles("*.pfx")
                .OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name}:{f.LastWriteTimeUtc.Ticks}"));
        }
        catch (IOException)
        {
            return _seen;
        }
    }

    public void Dispose()
    {
        _looking.Dispose();
        _changed.Dispose();
    }
}
