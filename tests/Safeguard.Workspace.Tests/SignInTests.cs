using Microsoft.Playwright;
using Safeguard.ServiceDefaults.Security;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Workspace.Tests;

/// <summary>
/// Issue 23: a centre's supervisor opens the workspace, signs in through the identity service with her second
/// factor, finds her centre's cases with their 12-hour clocks as badges (amber before, red after), filters them,
/// switches to Macedonian and signs out.
/// </summary>
public sealed class SignInTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_supervisor_signs_in_with_her_second_factor_and_sees_her_centres_cases_with_their_clocks()
    {
        var centre = Names.CentreCode();
        var supervisor = await new SignInFlow(platform).RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        var intake = platform.As(Personas.Supervisor(centre));
        var dueSoon = await intake.OpenCaseAsync(centre, DateTimeOffset.UtcNow.AddHours(-9));
        var late = await intake.OpenCaseAsync(centre, DateTimeOffset.UtcNow.AddHours(-13), victimName: "Marija Petrovska");
        var otherCentre = Names.CentreCode();
        var elsewhere = await platform.As(Personas.Supervisor(otherCentre)).OpenCaseAsync(otherCentre);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Browsers.Chromium);
        var context = await browser.NewWorkspaceContextAsync(platform);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/workspace/");
        await page.SignInAsync(supervisor);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases of the centre" })).ToBeVisibleAsync();
        await Expect(page.GetByText(supervisor.Email)).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Language")).ToHaveValueAsync("en");
        var dueRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = dueSoon.Reference });
        var lateRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = late.Reference });
        await Expect(dueRow.Locator("[data-clock=due]")).ToBeVisibleAsync();
        await Expect(lateRow.Locator("[data-clock=overdue]")).ToBeVisibleAsync();
        await Expect(page.GetByText(elsewhere.Reference)).ToHaveCountAsync(0);
        // The workspace runs its own scripts and styles and nothing else; the page is never cached.
        var workspacePage = await page.ReloadAsync();
        var policy = await workspacePage!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("no-store", await workspacePage.HeaderValueAsync("cache-control"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases of the centre" })).ToBeVisibleAsync();
        // No personal data in the address or the title (issue 23).
        Assert.DoesNotContain("Test Victim", page.Url);
        Assert.DoesNotContain("Test Victim", await page.TitleAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-cases-desktop"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-cases-phone"), FullPage = true });

        // Only overdue ones, filtered by the API: the late case stays, the one still running goes.
        await page.GetByLabel("Assessment overdue only").CheckAsync();
        await Expect(page.GetByText(dueSoon.Reference)).ToHaveCountAsync(0);
        await Expect(page.GetByText(late.Reference)).ToBeVisibleAsync();

        // A name search (the name in a request body, never the address): only that victim's case.
        await page.GetByLabel("Assessment overdue only").UncheckAsync();
        await page.GetByLabel("Search by name").FillAsync("petrovska");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = late.Reference })).ToBeVisibleAsync();
        await Expect(page.GetByText(dueSoon.Reference)).ToHaveCountAsync(0);
        Assert.DoesNotContain("petrovska", page.Url, StringComparison.OrdinalIgnoreCase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show all" }).ClickAsync();
        await Expect(page.GetByText(dueSoon.Reference)).ToBeVisibleAsync();

        // Her own language, kept by her session (not the browser) for the pages she opens next.
        await page.GetByLabel("Language").SelectOptionAsync("mk");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Случаи на центарот" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "mk");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Случаи на центарот" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "mk");
        Assert.Empty(await page.EvaluateAsync<string[]>("Object.keys(localStorage).concat(Object.keys(sessionStorage))"));
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("workspace-cases-mk-phone"), FullPage = true });

        // Signing out ends the session: the workspace asks her to sign in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Одјава" }).ClickAsync();
        await page.GotoAsync("/workspace/");
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The page counts her keys and taps and signs her out after 14 minutes without any (the server forgets the
    /// session at 15). Here the page's own watch is given seconds instead of minutes: typing keeps her and what she
    /// typed; a few seconds without signs her out, and the circuit's reconnection does not sign her in again.
    /// </summary>
    [Fact]
    public async Task A_page_left_without_keys_or_taps_signs_her_out_and_typing_keeps_her_signed_in()
    {
        var centre = Names.CentreCode();
        var supervisor = await new SignInFlow(platform).RegisterInstitutionAsync(centre, "csr", PlatformRoles.CsrSupervisor);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Browsers.Chromium);
        var page = await (await browser.NewWorkspaceContextAsync(platform)).NewPageAsync();
        await page.GotoAsync("/workspace/cases/new");
        await page.SignInAsync(supervisor);
        var perpetrator = page.GetByLabel("Perpetrator's full name");
        await Expect(perpetrator).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.safeguard.idle?.idleMs === 14 * 60 * 1000");

        await page.EvaluateAsync("() => safeguard.watchIdle(safeguard.idle.session, 4000, 1000)");
        for (var second = 0; second < 6; second++)
        {
            await perpetrator.PressSequentiallyAsync("x");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        await Expect(perpetrator).ToHaveValueAsync("xxxxxx");
        await Expect(page.GetByLabel("Password")).ToHaveCountAsync(0);

        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.DoesNotContain("xxxxxx", await page.ContentAsync());
        await page.WaitForTimeoutAsync(3000);
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
    }
}
