using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Security.Tests;

/// <summary>
/// The callers the role matrix tries, one per role, as they really reach the platform: a person who signed in
/// through the identity service (code flow with PKCE, and her authenticator code where her role needs one), and an
/// institution's system registered for that role (client credentials). Made once per platform.
/// </summary>
public static class MatrixCallers
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly ConcurrentDictionary<string, string> PersonTokens = new();
    private static readonly ConcurrentDictionary<string, string> SystemTokens = new();
    private static readonly HashSet<string> Registered = [];

    /// <summary>The institution each role's caller belongs to: the codes the matrix's routes name.</summary>
    public static (string Code, string Kind) InstitutionOf(string role) => role switch
    {
        PlatformRoles.CsrCaseWorker or PlatformRoles.CsrSupervisor => ("TXSEC", "csr"),
        PlatformRoles.ReintegrationOfficer => ("TXMUN", "municipality"),
        PlatformRoles.PrisonProbationOfficer => ("TXPRISON", "prison"),
        PlatformRoles.TeamMember => ("TXPOLICE", "police"),
        PlatformRoles.PlatformAdmin => ("TXPLATFORM", "platform"),
        _ => ("TXMINISTRY", "ministry"),
    };

    public static async Task<HttpClient> PersonAsync(PlatformFixture platform, string role) =>
        platform.WithToken(await OnceAsync(PersonTokens, role, () => SignInAsync(platform, role)));

    public static async Task<HttpClient> SystemAsync(PlatformFixture platform, string role) =>
        platform.WithToken(await OnceAsync(SystemTokens, role, () => SystemTokenAsync(platform, role)));

    private static async Task<string> OnceAsync(ConcurrentDictionary<string, string> tokens, string role, Func<Task<string>> make)
    {
        await OneAtATime.WaitAsync();
        try
        {
            if (!tokens.TryGetValue(role, out var token))
            {
                tokens[role] = token = await make();
            }
            return token;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task<string> SignInAsync(PlatformFixture platform, string role)
    {
        var flow = new SignInFlow(platform);
        var (code, kind) = InstitutionOf(role);
        Professional person;
        if (Registered.Add(code))
        {
            person = await flow.RegisterInstitutionAsync(code, kind, role);
        }
        else
        {
            var email = $"{role}.{code.ToLowerInvariant()}@{kind}.test";
            var registered = await platform.Gateway.PostAsJsonAsync($"/api/identity/institutions/{code}/accounts", new { email, roles = new[] { role } });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            person = await flow.ActivateAsync((await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), email, code);
        }
        // Every role that reads a victim's record enrolled a second factor, and signed in with it.
        Assert.Equal(role is PlatformRoles.CsrCaseWorker or PlatformRoles.CsrSupervisor or PlatformRoles.TeamMember, person.AuthenticatorKey is not null);
        return (await flow.SignInAsync(person)).AccessToken;
    }

    private static async Task<string> SystemTokenAsync(PlatformFixture platform, string role)
    {
        var (code, kind) = InstitutionOf(role);
        if (Registered.Add(code))
        {
            await new SignInFlow(platform).RegisterInstitutionAsync(code, kind, role);
        }
        var clientId = $"matrix-{role}";
        var registered = await platform.Gateway.PostAsJsonAsync("/api/identity/clients", new
        {
            clientId, displayName = $"A system acting as {role}", kind = "system", institution = code, roles = new[] { role },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var secret = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        using var system = new SignInFlow(platform).NewBrowser();
        return (await SignInFlow.TokenAsync(system, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "safeguard",
        })).AccessToken;
    }
}
