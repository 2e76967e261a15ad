using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Gateway.UnitTests;

/// <summary>
/// The gateway and every service remember a token that passed (issue 25 §4). The audience check stands for the full
/// check: it runs only when the token is checked in full.
/// </summary>
public sealed class ValidatedTokensTests
{
    private const string Issuer = "https://identity.test";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "signing-1" };
    private static readonly RsaSecurityKey OtherKey = new(RSA.Create(2048)) { KeyId = "signing-2" };

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private int _fullChecks;

    [Fact]
    public async Task A_token_that_passed_is_not_checked_in_full_again_and_each_request_gets_its_own_identity()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Issue(TimeSpan.FromMinutes(10));

        var first = await tokens.ValidateTokenAsync(token, Parameters(Key));
        var second = await tokens.ValidateTokenAsync(token, Parameters(Key));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _fullChecks);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("person-1", second.ClaimsIdentity.FindFirst(PlatformClaims.Subject)?.Value);
        Assert.Equal(["csr-supervisor"], second.ClaimsIdentity.FindAll(PlatformClaims.Roles).Select(c => c.Value));
    }

    [Fact]
    public async Task A_token_is_checked_in_full_again_once_it_has_expired()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Issue(TimeSpan.FromMinutes(1));
        await tokens.ValidateTokenAsync(token, Parameters(Key));

        _clock.Advance(TimeSpan.FromSeconds(61));
        await tokens.ValidateTokenAsync(token, Parameters(Key));

        Assert.Equal(2, _fullChecks);
    }

    [Fact]
    public async Task A_long_lived_token_is_checked_in_full_again_after_the_time_it_is_remembered()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Issue(TimeSpan.FromHours(1));
        await tokens.ValidateTokenAsync(token, Parameters(Key));

        _clock.Advance(ValidatedTokens.RememberFor - TimeSpan.FromSeconds(1));
        await tokens.ValidateTokenAsync(token, Parameters(Key));
        Assert.Equal(1, _fullChecks);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await tokens.ValidateTokenAsync(token, Parameters(Key));
        Assert.Equal(2, _fullChecks);
    }

    [Fact]
    public async Task A_token_whose_signing_key_is_no_longer_published_is_refused()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Issue(TimeSpan.FromMinutes(10));
        Assert.True((await tokens.ValidateTokenAsync(token, Parameters(Key))).IsValid);

        var afterWithdrawal = await tokens.ValidateTokenAsync(token, Parameters(OtherKey));

        Assert.False(afterWithdrawal.IsValid);
        Assert.Equal(0, tokens.Count);
    }

    [Fact]
    public async Task A_token_from_an_issuer_no_longer_valid_is_refused()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Issue(TimeSpan.FromMinutes(10));
        await tokens.ValidateTokenAsync(token, Parameters(Key));

        var parameters = Parameters(Key);
        parameters.ValidIssuer = "https://another-identity.test";

        Assert.False((await tokens.ValidateTokenAsync(token, parameters)).IsValid);
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Issue(TimeSpan.FromMinutes(10), audience: "another-platform");

        Assert.False((await tokens.ValidateTokenAsync(token, Parameters(Key))).IsValid);
        Assert.False((await tokens.ValidateTokenAsync(token, Parameters(Key))).IsValid);

        Assert.Equal(2, _fullChecks);
        Assert.Equal(0, tokens.Count);
    }

    /// <summary>
    /// As the platform runs: the JWT bearer handler gives the token handler the identity service's published configuration
    /// (its configuration manager), not the keys and issuer themselves.
    /// </summary>
    [Fact]
    public async Task A_token_checked_against_the_published_configuration_is_remembered_until_its_key_is_withdrawn()
    {
        var tokens = new ValidatedTokens(_clock);
        var token = Issue(TimeSpan.FromMinutes(10));

        Assert.True((await tokens.ValidateTokenAsync(token, Published(Key))).IsValid);
        Assert.True((await tokens.ValidateTokenAsync(token, Published(Key))).IsValid);
        Assert.Equal(1, _fullChecks);

        Assert.False((await tokens.ValidateTokenAsync(token, Published(OtherKey))).IsValid);
        Assert.Equal(0, tokens.Count);
    }

    private TokenValidationParameters Published(SecurityKey key)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(key);
        return new TokenValidationParameters
        {
            ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            AudienceValidator = (audiences, _, _) =>
            {
                Interlocked.Increment(ref _fullChecks);
                return audiences.Contains(PlatformAuthentication.DefaultAudience);
            },
        };
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = Issuer,
        IssuerSigningKeys = [key],
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        AudienceValidator = (audiences, _, _) =>
        {
            Interlocked.Increment(ref _fullChecks);
            return audiences.Contains(PlatformAuthentication.DefaultAudience);
        },
    };

    private static string Issue(TimeSpan lifetime, string audience = PlatformAuthentication.DefaultAudience)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(PlatformClaims.Subject, "person-1"), new Claim(PlatformClaims.Roles, "csr-supervisor")]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
