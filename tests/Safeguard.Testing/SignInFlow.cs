using System.Net;

using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Safeguard.Testing;

/// <summary>A professional with an account: her e-mail, the password she chose and her authenticator's key.</summary>
public sealed record Professional(Guid AccountId, string Email, string Password, string? AuthenticatorKey, string Institution);

/// <summary>What the token endpoint answered.</summary>
public sealed record TokenSet(string AccessToken, string? RefreshToken, string? IdToken, int ExpiresIn);

/// <summary>
/// A person's way into the platform, over HTTP through the gateway as her browser goes: the administrator
/// registers her, she opens the link of her invitation e-mail, chooses a password and enrols her authenticator,
/// then a front end sends her through the authorization code flow with PKCE (login form, second factor) and
/// exchanges the code for tokens.
/// </summary>
public sealed partial class SignInFlow(PlatformFixture platform)
{
    public const string Password = "a long walk by the river Vardar";

    /// <summary>A public front end registered for the tests (registered once per platform).</summary>
    public const string FrontEnd = "test-front-end";

    public static readonly Uri RedirectUri = new("http://localhost/signed-in");

    private static readonly SemaphoreSlim FrontEndOnce = new(1, 1);
    private static bool _frontEndRegistered;

    /// <summary>A browser: its own cookies, no automatic redirects (each step is checked).</summary>
    public HttpClient NewBrowser()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        var browser = new HttpClient(handler) { BaseAddress = platform.GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return browser;
    }

    /// <summary>Registers an institution with <paramref name="roles"/> for its first administrator, who then activates her account.</summary>
    public async Task<Professional> RegisterInstitutionAsync(string code, string kind, params string[] roles)
    {
        var email = $"admin.{code.ToLowerInvariant()}@{kind}.test";
        var registered = await platform.Gateway.PostAsJsonAsync("/api/identity/institutions", new
        {
            code, kind, name = $"Institution {code}", language = "en", administrator = new { email, roles },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("administratorId").GetGuid();
        return await ActivateAsync(id, email, code);
    }

    /// <summary>Opens the invitation sent to <paramref name="email"/>, chooses the password and enrols the authenticator where the page asks for it.</summary>
    /// <remarks>The newest e-mail whose subject holds <paramref name="subject"/>: a reset sends a second one.</remarks>
    public async Task<Professional> ActivateAsync(Guid accountId, string email, string institution, string subject = "your account")
    {
        var invitation = (await platform.Inbox.WaitForAsync(email, m => m.Subject.Contains(subject, StringComparison.Ordinal)))
            .Where(m => m.Subject.Contains(subject, StringComparison.Ordinal)).OrderBy(m => m.ReceivedDate).Last();
        var text = await platform.Inbox.PlainTextAsync(invitation.Id);
        var link = new Uri(LinkPattern().Match(text).Value);
        using var browser = NewBrowser();
        var page = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var key = KeyPattern().Match(html) is { Success: true } found ? WebUtility.HtmlDecode(found.Groups[1].Value) : null;
        var fields = HiddenFields(html);
        fields["password"] = Password;
        fields["repeat"] = Password;
        if (key is not null)
        {
            fields["code"] = Totp.Code(key);
        }
        var activated = await browser.PostAsync(FormAction(html), new FormUrlEncodedContent(fields));
        var answer = await activated.Content.ReadAsStringAsync();
        Assert.True(activated.StatusCode == HttpStatusCode.OK, answer);
        return new Professional(accountId, email, Password, key, institution);
    }

    /// <summary>The authorization code flow with PKCE, as a browser follows it, ending with the tokens.</summary>
    public async Task<TokenSet> SignInAsync(Professional who, string scope = "openid email offline_access safeguard")
    {
        using var browser = NewBrowser();
        return await SignInAsync(who, browser, scope);
    }

    /// <summary>The same, in <paramref name="browser"/>, which stays signed in at the identity service afterwards.</summary>
    public async Task<TokenSet> SignInAsync(Professional who, HttpClient browser, string scope = "openid email offline_access safeguard")
    {
        await EnsureFrontEndAsync();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = "connect/authorize" + QueryString(new()
        {
            ["client_id"] = FrontEnd, ["response_type"] = "code", ["redirect_uri"] = RedirectUri.ToString(), ["scope"] = scope,
            ["state"] = state, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });

        // Not signed in: sent to the login page, which leads back to the same authorization request.
        var response = await browser.GetAsync(authorize);
        var location = Follow(response, "/account/login");
        var login = await browser.GetAsync(location);
        var html = await login.Content.ReadAsStringAsync();
        var form = HiddenFields(html);
        form["email"] = who.Email;
        form["password"] = who.Password;
        response = await browser.PostAsync(FormAction(html), new FormUrlEncodedContent(form));
        if (who.AuthenticatorKey is { } key)
        {
            location = Follow(response, "/account/second-factor");
            var secondFactor = await browser.GetAsync(location);
            html = await secondFactor.Content.ReadAsStringAsync();
            form = HiddenFields(html);
            form["code"] = Totp.Code(key);
            response = await browser.PostAsync(FormAction(html), new FormUrlEncodedContent(form));
        }
        location = Follow(response, "/connect/authorize");
        response = await browser.GetAsync(location);
        var back = new Uri(Follow(response, RedirectUri.ToString()));
        var query = System.Web.HttpUtility.ParseQueryString(back.Query);
        Assert.Equal(state, query["state"]);
        var code = query["code"] ?? throw new InvalidOperationException($"No code in {back}");

        return await TokenAsync(browser, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = FrontEnd, ["code"] = code,
            ["redirect_uri"] = RedirectUri.ToString(), ["code_verifier"] = verifier,
        });
    }

    /// <summary>Uses a refresh token; the answer as it came (a refused token is a 400 with "invalid_grant").</summary>
    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var browser = NewBrowser();
        return await browser.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = FrontEnd, ["refresh_token"] = refreshToken,
        }));
    }

    /// <summary>Registers the test front end once per platform.</summary>
    public async Task EnsureFrontEndAsync()
    {
        await FrontEndOnce.WaitAsync();
        try
        {
            if (_frontEndRegistered)
            {
                return;
            }
            var registered = await platform.Gateway.PostAsJsonAsync("/api/identity/clients", new
            {
                clientId = FrontEnd, displayName = "Test front end", kind = "front-end", redirectUris = new[] { RedirectUri },
            });
            Assert.True(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await registered.Content.ReadAsStringAsync());
            _frontEndRegistered = true;
        }
        finally
        {
            FrontEndOnce.Release();
        }
    }

    public static async Task<TokenSet> TokenAsync(HttpClient client, Dictionary<string, string> form)
    {
        var answer = await client.PostAsync("connect/token", new FormUrlEncodedContent(form));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        return new TokenSet(json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            json.TryGetProperty("id_token", out var id) ? id.GetString() : null,
            json.GetProperty("expires_in").GetInt32());
    }

    /// <summary>The redirect's target, which must start with <paramref name="expected"/>.</summary>
    private static string Follow(HttpResponseMessage response, string expected)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
            $"Expected a redirect to {expected}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        var location = response.Headers.Location!;
        // Pages of the platform redirect to its own absolute addresses; the front end's return address is elsewhere.
        var target = location.IsAbsoluteUri && expected.StartsWith('/') ? location.PathAndQuery : location.ToString();
        Assert.StartsWith(expected, target, StringComparison.Ordinal);
        return target;
    }

    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenPattern().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    public static string FormAction(string html) => WebUtility.HtmlDecode(ActionPattern().Match(html).Groups[1].Value).TrimStart('/');

    private static string QueryString(Dictionary<string, string> values) =>
        "?" + string.Join('&', values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""https?://\S+/account/activate\?\S+""")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("""<code id="authenticator-key">([^<]+)</code>""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)">""")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("""<form method="post" action="([^"]+)">""")]
    private static partial Regex ActionPattern();
}
