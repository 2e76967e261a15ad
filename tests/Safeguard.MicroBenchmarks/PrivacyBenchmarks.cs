using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.MicroBenchmarks;

/// <summary>Per-record costs of protecting personal data: each stored name is encrypted and its words hashed.</summary>
public class PrivacyBenchmarks
{
    private const string Name = "Ана Петровска-Стојановска";

    private PersonalDataProtector _protector = null!;
    private NameSearch _search = null!;
    private string _stored = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The same AES-256-CBC + HMAC-SHA256 algorithms as the services' persisted key ring.
        _protector = new PersonalDataProtector(new EphemeralDataProtectionProvider(), "benchmark");
        _search = new NameSearch(RandomNumberGenerator.GetBytes(32));
        _stored = _protector.Protect(Name);
        if (_protector.Unprotect(_stored) != Name)
        {
            throw new InvalidOperationException("The protector does not round-trip a name.");
        }
    }

    [Benchmark(Description = "PersonalDataProtector.Protect (name)")]
    public string Protect() => _protector.Protect(Name);

    [Benchmark(Description = "PersonalDataProtector.Unprotect (name)")]
    public string Unprotect() => _protector.Unprotect(_stored);

    [Benchmark(Description = "NameKey.Of (Cyrillic name)")]
    public string Fold() => NameKey.Of(Name);

    [Benchmark(Description = "NameSearch.TokensOf (victim and perpetrator)")]
    public int Tokens() => _search.TokensOf([Name, "Marko Stojanovski"]).Count;
}
