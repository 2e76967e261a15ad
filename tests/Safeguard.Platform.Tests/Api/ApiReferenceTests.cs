using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace Safeguard.Platform.Tests.Api;

/// <summary>
/// A newcomer's first look: the gateway's root and the interactive API reference open without a token and
/// describe every API, the reference runs under a content-security policy made for it (every other answer
/// keeps the strict one), and a call made from it with a pasted token answers.
/// </summary>
public sealed class ApiReferenceTests(PlatformFixture platform)
{
    private const string StrictPolicy = "default-src 'none'; frame-ancestors 'none'";

    [Fact]
    public async Task The_root_answers_a_browser_without_a_token_and_points_to_the_reference()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await platform.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/api-reference\"", page);
        Assert.Contains("/api/risk-assessment/openapi/v1.json", page);
        Assert.Equal(StrictPolicy, string.Join(';', response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_root_still_gives_API_clients_the_JSON_index()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await platform.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var index = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/api-reference", index.GetProperty("reference").GetString());
        Assert.Equal(6, index.GetProperty("apis").GetArrayLength());
    }

    [Fact]
    public async Task The_documents_and_the_reference_need_no_token_but_the_APIs_still_do()
    {
        foreach (var path in ApiDocuments.Paths)
        {
            using var document = await platform.Anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        }
        using var reference = await platform.Anonymous.GetAsync("/api-reference/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var policy = string.Join(';', reference.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.DoesNotContain("http", policy); // nothing is loaded from elsewhere

        using var api = await platform.Anonymous.GetAsync("/api/risk-assessment/instrument");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(StrictPolicy, string.Join(';', api.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task In_Chromium_the_reference_shows_every_API_and_a_call_with_a_pasted_token_answers_200()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Browsers.Chromium);
        var page = await browser.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(platform.Anonymous.BaseAddress!, "/api-reference/").ToString());
        await Assertions.Expect(page.GetByText("Institutions").First).ToBeVisibleAsync();

        // The platform administrator's token, pasted as a developer would, then the first operation tried.
        await page.GetByPlaceholder("Token").First.FillAsync(platform.Token(Personas.PlatformAdmin()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Test Request" }).First.ClickAsync();
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync(),
            response => response.Url.Contains("/api/notifications/", StringComparison.Ordinal) && !response.Url.Contains("/openapi/", StringComparison.Ordinal));

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("Bearer ", await answer.Request.HeaderValueAsync("authorization"));
        await Assertions.Expect(page.GetByText("200 OK").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("api-reference-call") });
        Assert.Empty(refused);
    }
}
