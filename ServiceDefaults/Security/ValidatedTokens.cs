using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguard.ServiceDefaults.Security;

/// <summary>
/// A token handler that checks a bearer token once and remembers that it passed. A caller sends the same token with
/// every request until it expires, and checking its RSA signature was a fifth of the gateway's CPU per request
/// (issue 25 §4), paid again in the service behind it.
/// A remembered token still passes only while all of these hold, so it is never trusted beyond the full check:
/// <list type="bullet">
/// <item>it has not expired (its own exp, with no clock skew) and was checked at most <see cref="RememberFor"/> ago;</item>
/// <item>the key that signed it is still among the published keys (a key withdrawn from the key set ends its tokens);</item>
/// <item>its issuer is still a valid issuer.</item>
/// </list>
/// Keys and issuer are read where the full check reads them: the parameters, or the published configuration that the
/// JWT bearer handler passes through <see cref="TokenValidationParameters.ConfigurationManager"/>.
/// Only tokens that passed are remembered: a refused token is checked in full every time, and an attacker's made-up
/// tokens fill nothing. The cache is keyed by the whole token, and each request gets its own copy of the identity.
/// </summary>
public sealed class ValidatedTokens : JsonWebTokenHandler
{
    /// <summary>How long a checked token is taken on trust at most, even if it lives longer.</summary>
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);

    /// <summary>More tokens than this are not remembered: the oldest are dropped (a sweep of the expired ones first).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Checked> _checked = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ValidatedTokens(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        MapInboundClaims = false;
    }

    /// <summary>How many tokens are remembered now.</summary>
    public int Count => _checked.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (_checked.TryGetValue(token, out var known))
        {
            // The JWT bearer handler passes the identity service's published configuration (keys and issuer) through its
            // configuration manager rather than in the parameters; reading it returns the copy it holds between refreshes.
            var published = validationParameters.ConfigurationManager is { } manager
                ? await manager.GetBaseConfigurationAsync(CancellationToken.None)
                : null;
            if (known.StillPasses(now, validationParameters, published))
            {
                return known.Result();
            }
            _checked.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && result.ClaimsIdentity is not null && jwt.SigningKey?.KeyId is { Length: > 0 } keyId)
        {
            Remember(token, new Checked(result, keyId, jwt.Issuer, Min(jwt.ValidTo, now + RememberFor)), now);
        }
        return result;
    }

    private void Remember(string token, Checked entry, DateTime now)
    {
        if (_checked.Count >= Capacity)
        {
            foreach (var (key, value) in _checked)
            {
                if (value.Until <= now)
                {
                    _checked.TryRemove(key, out _);
                }
            }
            if (_checked.Count >= Capacity)
            {
                _checked.Clear();
            }
        }
        _checked[token] = entry;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record Checked(TokenValidationResult Passed, string KeyId, string Issuer, DateTime Until)
    {
        public bool StillPasses(DateTime now, TokenValidationParameters parameters, BaseConfiguration? published) =>
            now < Until && SignedByAKeyOf(parameters, published) && IssuerIsValid(parameters, published);

        /// <summary>The result of the full check, with an identity of its own (a request may add to its identity).</summary>
        public TokenValidationResult Result() => new()
        {
            IsValid = true,
            SecurityToken = Passed.SecurityToken,
            ClaimsIdentity = Passed.ClaimsIdentity.Clone(),
            Issuer = Passed.Issuer,
            TokenType = Passed.TokenType,
        };

        private bool SignedByAKeyOf(TokenValidationParameters parameters, BaseConfiguration? published) =>
            parameters.IssuerSigningKey?.KeyId == KeyId
            || (parameters.IssuerSigningKeys ?? []).Any(key => key.KeyId == KeyId)
            || (published?.SigningKeys ?? []).Any(key => key.KeyId == KeyId);

        private bool IssuerIsValid(TokenValidationParameters parameters, BaseConfiguration? published) =>
            !parameters.ValidateIssuer || parameters.ValidIssuer == Issuer || (parameters.ValidIssuers?.Contains(Issuer) ?? false)
            || published?.Issuer == Issuer;
    }
}
