using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Resilience.Tests;

/// <summary>
/// A signing key rollover (issue 22 §5): a new certificate dropped into the identity service's key folder signs
/// the next tokens; tokens signed before keep opening the services until they expire; nothing restarts.
/// </summary>
public sealed class KeyRolloverTests(PlatformFixture platform)
{
    [Fact]
    public async Task Tokens_signed_before_and_after_a_rollover_both_open_the_services_and_nothing_restarts()
    {
        var centre = Names.CentreCode();
        var before = await DevelopmentTokenAsync(centre);
        using var beforeClient = platform.WithToken(before);
        Assert.Equal(HttpStatusCode.OK, (await beforeClient.GetAsync(RiskAssessmentApi.Cases)).StatusCode);
        var oldKey = new JsonWebToken(before).Kid;
        var identityStarted = await StartedAtAsync("identity");
        var serviceStarted = await StartedAtAsync("risk-assessment");

        var next = SigningKeyRing.AddSigningCertificate(Path.Combine(platform.StateDirectory, "token-keys"), DateTimeOffset.UtcNow);

        // The identity service notices the new certificate by itself, publishes it beside the old one and signs with it.
        string after;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (new JsonWebToken(after = await DevelopmentTokenAsync(centre)).Kid == oldKey)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The identity service did not take up the new certificate.");
            await Task.Delay(500);
        }
        Assert.Equal(next.Thumbprint, new JsonWebToken(after).Kid);
        var published = (await (await platform.Anonymous.GetAsync("/.well-known/jwks")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(oldKey, published);
        Assert.Contains(next.Thumbprint, published);

        // The services read the published keys again when they meet the new one (at most once in 30 s): both tokens open them.
        using var afterClient = platform.WithToken(after);
        waited.Restart();
        HttpStatusCode status;
        while ((status = (await afterClient.GetAsync(RiskAssessmentApi.Cases)).StatusCode) == HttpStatusCode.Unauthorized
               && waited.Elapsed < PlatformAuthentication.KeyRefreshInterval + TimeSpan.FromSeconds(10))
        {
            await Task.Delay(1000);
        }
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await beforeClient.GetAsync(RiskAssessmentApi.Cases)).StatusCode);
        Assert.Equal(identityStarted, await StartedAtAsync("identity"));
        Assert.Equal(serviceStarted, await StartedAtAsync("risk-assessment"));
    }

    private async Task<string> DevelopmentTokenAsync(string centre)
    {
        var issued = await platform.Anonymous.PostAsJsonAsync("/dev/token",
            new { subject = $"rollover-{centre}", roles = new[] { PlatformRoles.CsrCaseWorker }, institution = centre, institutionKind = "csr", lifetimeMinutes = 30 });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>When the orchestrator last started the resource's process: unchanged means not restarted.</summary>
    private async Task<DateTime?> StartedAtAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var state = await platform.App.ResourceNotifications.WaitForResourceAsync(resource, _ => true, timeout.Token);
        return state.Snapshot.StartTimeStamp;
    }
}
