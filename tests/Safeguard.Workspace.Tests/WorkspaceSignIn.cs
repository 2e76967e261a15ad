using Microsoft.Playwright;

namespace Safeguard.Workspace.Tests;

/// <summary>Signing in at the identity service's pages as a person does: e-mail, password, then the authenticator's code where she has one.</summary>
public static class WorkspaceSignIn
{
    public static async Task SignInAsync(this IPage page, Professional who)
    {
        await page.GetByLabel("E-mail").FillAsync(who.Email);
        await page.GetByLabel("Password").FillAsync(SignInFlow.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Only roles that read a victim's record enrol a second factor (an analyst's reads none).
        if (who.AuthenticatorKey is { } key)
        {
            await page.GetByLabel("Code").FillAsync(Totp.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        }
    }

    public static async Task<IBrowserContext> NewWorkspaceContextAsync(this IBrowser browser, PlatformFixture platform) =>
        await browser.NewContextAsync(new() { BaseURL = platform.GatewayAddress.ToString(), Locale = "en-GB" });
}
