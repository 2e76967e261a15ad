using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.UnitTests;

public sealed class SigningKeyRingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "safeguard-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_new_ring_makes_one_signing_and_one_encryption_certificate_readable_by_its_owner_only()
    {
        var now = DateTimeOffset.UtcNow;
        var ring = SigningKeyRing.LoadOrCreate(_folder, now);
        Assert.Single(ring.SigningCertificates);
        Assert.True(ring.Current(now).HasPrivateKey);
        Assert.True(ring.EncryptionCertificate.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(_folder))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        // Read again, the same keys: nothing is made twice.
        Assert.Equal(ring.Current(now).Thumbprint, SigningKeyRing.LoadOrCreate(_folder, now).Current(now).Thumbprint);
    }

    [Fact]
    public void A_key_added_for_a_rollover_is_published_at_once_and_signs_from_its_start_while_the_old_one_stays_published()
    {
        var now = DateTimeOffset.UtcNow;
        var first = SigningKeyRing.LoadOrCreate(_folder, now).Current(now);
        var next = SigningKeyRing.AddSigningCertificate(_folder, now.AddHours(1));

        var ring = SigningKeyRing.Load(_folder, now);
        Assert.Equal(2, ring.SigningCertificates.Count);
        Assert.Equal(first.Thumbprint, ring.Current(now).Thumbprint);
        Assert.Equal(next.Thumbprint, SigningKeyRing.Load(_folder, now.AddHours(2)).Current(now.AddHours(2)).Thumbprint);
        Assert.Contains(SigningKeyRing.Load(_folder, now.AddHours(2)).SigningCertificates, c => c.Thumbprint == first.Thumbprint);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
