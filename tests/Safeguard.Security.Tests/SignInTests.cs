using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Security.Tests;

/// <summary>
/// People sign in at the identity service (code flow with PKCE, password and authenticator code) and systems get
/// client-credential tokens; the services accept those tokens through the gateway and nothing else.
/// </summary>
public sealed class SignInTests(PlatformFixture platform)
{
    private readonly SignInFlow _flow = new(platform);

    [Fact]
    public async Task A_supervisor_and_the_case_worker_she_registers_sign_in_with_a_second_factor_and_work_their_centres_cases()
    {
        var centre = Names.CentreCode();
        var supervisor = await _flow.RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        Assert.NotNull(supervisor.AuthenticatorKey); // her role reads victims' records: the activation page asked for a second factor

        var tokens = await _flow.SignInAsync(supervisor);
        Assert.NotNull(tokens.RefreshToken);
        Assert.InRange(tokens.ExpiresIn, 60, 15 * 60); // short access tokens
        var jwt = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(supervisor.AccountId.ToString(), jwt.Subject);
        Assert.Equal(centre, jwt.GetClaim(PlatformClaims.Institution).Value);
        Assert.Equal("csr", jwt.GetClaim(PlatformClaims.InstitutionKind).Value);
        var jwks = await (await platform.Anonymous.GetAsync("/.well-known/jwks")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == jwt.Kid && !k.TryGetProperty("d", out _));

        using var asSupervisor = platform.WithToken(tokens.AccessToken);
        var registered = await asSupervisor.PostAsJsonAsync($"/api/identity/institutions/{centre}/accounts",
            new { email = $"worker.{centre.ToLowerInvariant()}@csr.test", roles = new[] { PlatformRoles.CsrCaseWorker } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var workerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A supervisor registers case workers of her own centre, not supervisors, nor another centre's people.
        await (await asSupervisor.PostAsJsonAsync($"/api/identity/institutions/{centre}/accounts",
            new { email = $"boss.{centre.ToLowerInvariant()}@csr.test", roles = new[] { PlatformRoles.CsrSupervisor } })).AssertProblemAsync(HttpStatusCode.Forbidden, "roles");

        var worker = await _flow.ActivateAsync(workerId, $"worker.{centre.ToLowerInvariant()}@csr.test", centre);
        using var asWorker = platform.WithToken((await _flow.SignInAsync(worker)).AccessToken);
        var opened = await asWorker.PostAsJsonAsync(RiskAssessmentApi.Cases, new
        {
            centreCode = centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow.AddMinutes(-5), victim = new { fullName = "Test Victim", category = "adult" },
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asSupervisor.GetAsync(RiskAssessmentApi.Cases)).StatusCode);

        // Who opened the case is the account that signed in, and her sign-ins are in the identity service's audit.
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Contains((await platform.QueryAsync("risk-assessment-db", "SELECT subject FROM audit_entries WHERE record_id = @id", ("id", caseId))),
            row => (string)row[0] == workerId.ToString());
        var signIns = await platform.QueryAsync("identity-db", "SELECT action FROM audit_entries WHERE record_id = @id ORDER BY id", ("id", workerId));
        Assert.Equal(["change", "activated", "sign-in"], signIns.Select(r => (string)r[0]));
    }

    [Fact]
    public async Task An_institutions_system_gets_a_token_by_client_credentials_and_acts_only_in_the_roles_it_was_registered_for()
    {
        var centre = Names.CentreCode();
        await _flow.RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        var clientId = $"case-system-{centre.ToLowerInvariant()}";
        await (await platform.Gateway.PostAsJsonAsync("/api/identity/clients", new
        {
            clientId = clientId + "-bad", displayName = "Wrong roles", kind = "system", institution = centre, roles = new[] { PlatformRoles.ReintegrationOfficer },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "roles");
        var registered = await platform.Gateway.PostAsJsonAsync("/api/identity/clients", new
        {
            clientId, displayName = "Centre's case system", kind = "system", institution = centre, roles = new[] { PlatformRoles.CsrCaseWorker },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var secret = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        using var system = _flow.NewBrowser();
        var refused = await system.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = "not-the-secret", ["scope"] = "safeguard",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var tokens = await SignInFlow.TokenAsync(system, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "safeguard",
        });
        var jwt = new JsonWebToken(tokens.AccessToken);
        Assert.Equal([PlatformRoles.CsrCaseWorker], jwt.Claims.Where(c => c.Type == PlatformClaims.Roles).Select(c => c.Value));

        using var asSystem = platform.WithToken(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Created, (await asSystem.PostAsJsonAsync(RiskAssessmentApi.Cases, new
        {
            centreCode = centre, reportedBy = "police", learnedAt = DateTimeOffset.UtcNow.AddMinutes(-5), victim = new { fullName = "Test Victim", category = "adult" },
        })).StatusCode);
        // Not a supervisor's endpoint, nor a platform administrator's.
        await (await asSystem.GetAsync("/api/notifications/institutions")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await asSystem.GetAsync($"/api/identity/institutions/{centre}/accounts")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password_and_each_attempt_is_audited()
    {
        var centre = Names.CentreCode();
        var supervisor = await _flow.RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        using var browser = _flow.NewBrowser();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await PostLoginAsync(browser, supervisor.Email, "a wrong but long enough password");
            Assert.True(last.StatusCode == HttpStatusCode.Unauthorized,
                $"attempt {attempt}: {(int)last.StatusCode}\n{string.Join('\n', platform.LogLines.Where(l => l.StartsWith("identity:", StringComparison.Ordinal)).TakeLast(30))}");
        }
        Assert.Contains("locked", await last!.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var right = await PostLoginAsync(browser, supervisor.Email, supervisor.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var audit = (await platform.QueryAsync("identity-db", "SELECT action FROM audit_entries WHERE record_id = @id ORDER BY id", ("id", supervisor.AccountId)))
            .Select(r => (string)r[0]).ToList();
        Assert.Equal(["change", "activated", "bad-pass", "bad-pass", "bad-pass", "bad-pass", "bad-pass", "locked", "refused"], audit);
        var state = await (await platform.Gateway.GetAsync($"/api/identity/accounts/{supervisor.AccountId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("locked", state.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_a_disabled_account_gets_no_new_token()
    {
        var centre = Names.CentreCode();
        var supervisor = await _flow.RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        var first = await _flow.SignInAsync(supervisor);

        var refreshed = await _flow.RefreshAsync(first.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement;
        var rotated = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first.RefreshToken, rotated);
        // Used a second time (a thief replaying it), the first refresh token is refused.
        var replayed = await _flow.RefreshAsync(first.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("invalid_grant", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var again = await _flow.SignInAsync(supervisor);
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.PostAsync($"/api/identity/accounts/{supervisor.AccountId}/disable", null)).StatusCode);
        var afterDisable = await _flow.RefreshAsync(again.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, afterDisable.StatusCode);
        Assert.Contains("invalid_grant", await afterDisable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var state = await (await platform.Gateway.GetAsync($"/api/identity/accounts/{supervisor.AccountId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("disabled", state.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_person_changes_her_password_her_other_sessions_end_and_a_forgotten_one_is_reset_by_her_administrator()
    {
        var centre = Names.CentreCode();
        var supervisor = await _flow.RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        var elsewhere = await _flow.SignInAsync(supervisor);
        using var browser = _flow.NewBrowser();
        await _flow.SignInAsync(supervisor, browser);

        var page = await (await browser.GetAsync("account/password")).Content.ReadAsStringAsync();
        var form = SignInFlow.HiddenFields(page);
        (form["current"], form["password"], form["repeat"]) = (supervisor.Password, "short", "short");
        var weak = await browser.PostAsync(SignInFlow.FormAction(page), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("at least 15", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        page = await (await browser.GetAsync("account/password")).Content.ReadAsStringAsync();
        form = SignInFlow.HiddenFields(page);
        const string newPassword = "the ferry leaves Ohrid at noon";
        (form["current"], form["password"], form["repeat"]) = (supervisor.Password, newPassword, newPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync(SignInFlow.FormAction(page), new FormUrlEncodedContent(form))).StatusCode);

        // The session she signed in with elsewhere gets no new token; the new password signs her in.
        Assert.Equal(HttpStatusCode.BadRequest, (await _flow.RefreshAsync(elsewhere.RefreshToken!)).StatusCode);
        var changed = supervisor with { Password = newPassword };
        Assert.NotNull((await _flow.SignInAsync(changed)).AccessToken);

        // Forgotten: her administrator sends a new link, where she chooses another password and enrols a new authenticator.
        Assert.Equal(HttpStatusCode.Accepted, (await platform.Gateway.PostAsync($"/api/identity/accounts/{supervisor.AccountId}/reset", null)).StatusCode);
        var reset = await _flow.ActivateAsync(supervisor.AccountId, supervisor.Email, centre, "new sign-in link");
        Assert.NotEqual(supervisor.AuthenticatorKey, reset.AuthenticatorKey);
        Assert.NotNull((await _flow.SignInAsync(reset)).AccessToken);
        var audit = (await platform.QueryAsync("identity-db", "SELECT action FROM audit_entries WHERE record_id = @id ORDER BY id", ("id", supervisor.AccountId)))
            .Select(r => (string)r[0]).ToList();
        Assert.Equal(["change", "activated", "sign-in", "sign-in", "password", "sign-in", "change", "reset", "sign-in"], audit);
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string email, string password)
    {
        var page = await (await browser.GetAsync("account/login")).Content.ReadAsStringAsync();
        var form = SignInFlow.HiddenFields(page);
        form["email"] = email;
        form["password"] = password;
        return await browser.PostAsync(SignInFlow.FormAction(page), new FormUrlEncodedContent(form));
    }
}
