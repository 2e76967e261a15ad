using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Safeguard.Identity.Accounts;

namespace Safeguard.Identity.SignIn;

/// <summary>
/// The page an invitation (or a reset) links to: she chooses her password and, where her roles read a victim's
/// record, enrols her authenticator app by entering a code it shows — the account is active only once both are
/// done. The link's token works once: choosing the password changes the account's security stamp, which voids it.
/// </summary>
public static class ActivationPages
{
    public static WebApplication MapActivationPages(this WebApplication app)
    {
        var pages = app.MapGroup("/account/activate").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/", ShowAsync);
        pages.MapPost("/", ActivateAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, IAntiforgery antiforgery, UserManager<Account> users, IUserStore<Account> store)
    {
        var texts = PageTexts.For(http.Request);
        var (accountId, token) = (http.Request.Query["account"].ToString(), http.Request.Query["token"].ToString());
        if (await InvitedAccountAsync(users, accountId, token) is not { } account)
        {
            return new HtmlPage(http.Request, texts, texts.ActivateTitle).Paragraph(texts.LinkExpired, "alert").Result(StatusCodes.Status410Gone);
        }
        string? key = null;
        if (account.NeedsSecondFactor)
        {
            key = await users.GetAuthenticatorKeyAsync(account);
            // A reset enrols the authenticator afresh: the old phone may be lost.
            if (key is null || account.ActivatedAt is not null)
            {
                // Set through the store: UserManager's reset would also change the security stamp and void her link.
                key = users.GenerateNewAuthenticatorKey();
                await ((IUserAuthenticatorKeyStore<Account>)store).SetAuthenticatorKeyAsync(account, key, http.RequestAborted);
                await users.UpdateAsync(account);
            }
        }
        return Page(http, antiforgery, texts, accountId, token, key, null);
    }

    private static async Task<IResult> ActivateAsync(HttpContext http, IAntiforgery antiforgery, UserManager<Account> users, SignInAudit audit, TimeProvider time,
        OpenIddict.Abstractions.IOpenIddictTokenManager tokens)
    {
        var texts = PageTexts.For(http.Request);
        var form = await http.Request.ReadFormAsync();
        var (accountId, token) = (form["account"].ToString(), form["token"].ToString());
        if (!await antiforgery.IsRequestValidAsync(http) || await InvitedAccountAsync(users, accountId, token) is not { } account)
        {
            return new HtmlPage(http.Request, texts, texts.ActivateTitle).Paragraph(texts.LinkExpired, "alert").Result(StatusCodes.Status410Gone);
        }
        var key = account.NeedsSecondFactor ? await users.GetAuthenticatorKeyAsync(account) : null;
        var password = form["password"].ToString();
        if (password != form["repeat"].ToString())
        {
            return Page(http, antiforgery, texts, accountId, token, key, texts.PasswordsDiffer);
        }
        if (PasswordRules.Check(password, account.Email) is { } weak)
        {
            return Page(http, antiforgery, texts, accountId, token, key, weak);
        }
        if (key is not null && !await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider,
                form["code"].ToString().Replace(" ", "", StringComparison.Ordinal)))
        {
            return Page(http, antiforgery, texts, accountId, token, key, texts.CodeFailed);
        }
        var chosen = await users.ResetPasswordAsync(account, token, password);
        if (!chosen.Succeeded)
        {
            return Page(http, antiforgery, texts, accountId, token, key, string.Join(" ", chosen.Errors.Select(e => e.Description)));
        }
        if (key is not null)
        {
            await users.SetTwoFactorEnabledAsync(account, true);
        }
        var reset = account.ActivatedAt is not null;
        account.Activate(time.GetUtcNow());
        await users.UpdateAsync(account);
        if (reset)
        {
            // Whatever was signed in with the old password ends.
            await tokens.RevokeBySubjectAsync(account.Id.ToString(), http.RequestAborted);
        }
        await audit.RecordAsync(reset ? "reset" : "activated", account, StatusCodes.Status200OK);
        return new HtmlPage(http.Request, texts, texts.ActivateTitle).Paragraph(texts.Activated, "status").Result();
    }

    /// <summary>The account the link is for, if the link is still good and the account not disabled.</summary>
    private static async Task<Account?> InvitedAccountAsync(UserManager<Account> users, string accountId, string token)
    {
        if (!Guid.TryParse(accountId, out var id) || token.Length == 0 || await users.FindByIdAsync(id.ToString()) is not { } account
            || account.IsDisabled)
        {
            return null;
        }
        return await users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Account>.ResetPasswordTokenPurpose, token)
            ? account
            : null;
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, PageTexts texts, string accountId, string token, string? key, string? message)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var page = new HtmlPage(http.Request, texts, texts.ActivateTitle).Paragraph(texts.ActivateHelp).Paragraph(texts.PasswordRule);
        if (message is not null)
        {
            page.Paragraph(message, "alert");
        }
        List<(string, string, string, string)> fields = [("password", texts.NewPassword, "password", "new-password"), ("repeat", texts.RepeatPassword, "password", "new-password")];
        if (key is not null)
        {
            page.Paragraph(texts.AuthenticatorHelp).Code(texts.AuthenticatorKey, key);
            fields.Add(("code", texts.Code, "text", "one-time-code"));
        }
        return page.Form("/account/activate" + QueryString.Create("lang", texts.Language), tokens.FormFieldName, tokens.RequestToken!,
            [("account", accountId), ("token", token)], fields, texts.Confirm).Result(message is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
