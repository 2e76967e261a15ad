using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Safeguard.Identity.Accounts;

namespace Safeguard.Identity.SignIn;

/// <summary>
/// A signed-in person changes her password (the same rules as at activation). Her other sessions end: the new
/// security stamp closes their sign-ins within a minute and every refresh token she held is revoked. A forgotten
/// password is not reset here: her administrator sends her a new link (POST /api/identity/accounts/{id}/reset).
/// </summary>
public static class PasswordPages
{
    public static WebApplication MapPasswordPages(this WebApplication app)
    {
        var pages = app.MapGroup("/account/password").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/", async (HttpContext http, IAntiforgery antiforgery, UserManager<Account> users) =>
            await SignedInAsync(http, users) is null ? ToLogin(http) : Page(http, antiforgery, null));
        pages.MapPost("/", ChangeAsync);
        return app;
    }

    private static async Task<IResult> ChangeAsync(HttpContext http, IAntiforgery antiforgery, UserManager<Account> users, SignInManager<Account> signIn,
        SignInAudit audit, IOpenIddictTokenManager tokens)
    {
        var account = await SignedInAsync(http, users);
        if (account is null || !await antiforgery.IsRequestValidAsync(http))
        {
            return ToLogin(http);
        }
        var texts = PageTexts.For(http.Request);
        var form = await http.Request.ReadFormAsync();
        var password = form["password"].ToString();
        if (password != form["repeat"].ToString())
        {
            return Page(http, antiforgery, texts.PasswordsDiffer);
        }
        if (PasswordRules.Check(password, account.Email) is { } weak)
        {
            return Page(http, antiforgery, weak);
        }
        var changed = await users.ChangePasswordAsync(account, form["current"].ToString(), password);
        if (!changed.Succeeded)
        {
            await audit.RecordAsync("bad-pass", account, StatusCodes.Status401Unauthorized);
            return Page(http, antiforgery, changed.Errors.Any(e => e.Code == "PasswordMismatch") ? texts.CurrentPasswordWrong : string.Join(" ", changed.Errors.Select(e => e.Description)));
        }
        await tokens.RevokeBySubjectAsync(account.Id.ToString(), http.RequestAborted);
        await audit.RecordAsync("password", account, StatusCodes.Status200OK);
        // This browser stays signed in, with the new stamp.
        await signIn.RefreshSignInAsync(account);
        return new HtmlPage(http.Request, texts, texts.ChangePasswordTitle).Paragraph(texts.PasswordChanged, "status").Result();
    }

    private static async Task<Account?> SignedInAsync(HttpContext http, UserManager<Account> users)
    {
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Succeeded && await users.GetUserAsync(session.Principal!) is { IsActive: true } account ? account : null;
    }

    private static IResult ToLogin(HttpContext http) =>
        Results.Redirect("/account/login" + QueryString.Create("ReturnUrl", "/account/password"));

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? message)
    {
        var texts = PageTexts.For(http.Request);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var page = new HtmlPage(http.Request, texts, texts.ChangePasswordTitle).Paragraph(texts.PasswordRule);
        if (message is not null)
        {
            page.Paragraph(message, "alert");
        }
        return page.Form("/account/password" + QueryString.Create("lang", texts.Language), tokens.FormFieldName, tokens.RequestToken!, [],
                [("current", texts.CurrentPassword, "password", "current-password"), ("password", texts.NewPassword, "password", "new-password"),
                    ("repeat", texts.RepeatPassword, "password", "new-password")], texts.Confirm)
            .Result(message is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
