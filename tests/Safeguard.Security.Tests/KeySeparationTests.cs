using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.Security.Tests;

/// <summary>
/// Issue 24 §3: one compromised service opens only its own data. Each process has its own key ring, wrapped at rest
/// by a certificate kept apart, and each service its own name-search key; secrets on disk are owner-only.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // the platform runs on Linux; file modes are what it checks
public sealed class KeySeparationTests(PlatformFixture platform)
{
    private static readonly string[] Services = ["risk-assessment", "safety-plan", "reintegration", "training-registry", "notification", "identity"];

    [Fact]
    public async Task Each_process_has_its_own_key_ring_wrapped_by_a_certificate_kept_apart_and_owner_only()
    {
        var rings = new Dictionary<string, (string Ring, string Certificate)>();
        foreach (var process in Services.Append("workspace"))
        {
            var environment = await platform.ProcessEnvironmentAsync(process);
            var ring = environment["DataProtection__KeyRingPath"];
            var certificate = environment["DataProtection__KeyEncryptionCertificatePath"];
            Assert.False(Path.GetFullPath(certificate).StartsWith(Path.GetFullPath(ring), StringComparison.Ordinal), $"{process}: the certificate lies in its ring");
            rings[process] = (ring, certificate);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ring));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));
            var keys = Directory.GetFiles(ring, "key-*.xml");
            Assert.NotEmpty(keys);
            foreach (var key in keys)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
                var xml = await File.ReadAllTextAsync(key);
                Assert.Contains("<encryptedSecret", xml);
                Assert.DoesNotContain("<masterKey", xml);
            }
        }
        Assert.Equal(rings.Count, rings.Values.Select(r => r.Ring).Distinct().Count());
        Assert.Equal(rings.Count, rings.Values.Select(r => r.Certificate).Distinct().Count());

        // The broker's config holds its administrator's password, its definitions the services' password hashes.
        foreach (var secret in new[] { "secrets.json", "platform-keys.json", "rabbitmq/rabbitmq.conf", "rabbitmq/definitions.json" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(platform.StateDirectory, secret)));
        }
    }

    [Fact]
    public async Task A_value_one_service_encrypted_opens_with_its_ring_only_and_name_hashes_differ_between_services()
    {
        var centre = Names.CentreCode();
        var surname = Names.Marker();
        var c = await platform.As(Personas.CaseWorker(centre)).OpenCaseAsync(centre, victimName: $"Ana {surname}");
        var municipality = Names.CentreCode();
        var household = await platform.As(Personas.ReintegrationOfficer(municipality)).RegisterReturnAsync(municipality, DateTimeOffset.UtcNow.AddHours(-1), surname: surname);

        var stored = (await platform.QueryAsync("risk-assessment-db", "SELECT victim, name_tokens FROM cases WHERE id = @id", ("id", c.Id))).Single();
        var ciphertext = (string)stored[0];
        Assert.Contains($"Ana {surname}", await UnprotectWithRingOfAsync("risk-assessment", ciphertext));
        // Another service's ring does not open it, even asked for the risk-assessment service's purpose.
        await Assert.ThrowsAnyAsync<CryptographicException>(() => UnprotectWithRingOfAsync("safety-plan", ciphertext));

        // The same surname, hashed by each service with its own key: nothing to join on.
        var caseTokens = (string[])stored[1];
        var memberTokens = (await platform.QueryAsync("reintegration-db", "SELECT name_tokens FROM household_members WHERE case_id = @id", ("id", household.Id)))
            .SelectMany(r => (string[])r[0]).ToList();
        Assert.NotEmpty(caseTokens);
        Assert.NotEmpty(memberTokens);
        Assert.Empty(caseTokens.Intersect(memberTokens));
    }

    /// <summary>What someone holding <paramref name="process"/>'s ring and certificate could read of a risk-assessment value.</summary>
    private async Task<string> UnprotectWithRingOfAsync(string process, string ciphertext)
    {
        var environment = await platform.ProcessEnvironmentAsync(process);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(environment["DataProtection__KeyEncryptionCertificatePath"], null, X509KeyStorageFlags.EphemeralKeySet);
        var provider = DataProtectionProvider.Create(new DirectoryInfo(environment["DataProtection__KeyRingPath"]),
            b => b.SetApplicationName("Safeguard").ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate));
        return new PersonalDataProtector(provider, "risk-assessment").Unprotect(ciphertext);
    }
}
