using Microsoft.Playwright;

namespace Safeguard.Workspace.Tests;

/// <summary>Signing in at the identity service's pages as a person does: e-mail, password, then the authenticator's code.</summary>
public static class WorkspaceSignIn
{
    public static async Task SignInAsync(this IPage page, Professional who)
    {
        await page.GetByLabel("E-mail").FillAsync(who.Email);
        await page.GetByLabel("Password").FillAsync(SignInFlow.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync(Totp.Code(who.AuthenticatorKey!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
    }

    public static async Task<IBrowserContext> NewWorkspaceContextAsync(this IBrowser browser, PlatformFixture platform) =>
        await browser.NewContextAsync(new() { BaseURL = platform.GatewayAddress.ToString(), Locale = "en-GB" });
}
