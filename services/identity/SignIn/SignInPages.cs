using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Safeguard.Identity.Accounts;

namespace Safeguard.Identity.SignIn;

/// <summary>
/// Sign-in (e-mail and password), the second factor (a code from the authenticator app) and sign-out. Failures
/// say the same whether the e-mail has an account or not; five failures in a row lock the account for a while
/// (<see cref="AccountsRegistration.MaxFailedAttempts"/>). Every outcome is audited (<see cref="SignInAudit"/>).
/// </summary>
public static class SignInPages
{
    private const string ReturnUrl = "ReturnUrl";

    public static WebApplication MapSignInPages(this WebApplication app)
    {
        var pages = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/login", (HttpContext http, IAntiforgery antiforgery) => LoginPage(http, antiforgery, null));
        pages.MapPost("/login", LoginAsync);
        pages.MapGet("/second-factor", async (HttpContext http, IAntiforgery antiforgery, SignInManager<Account> signIn) =>
            await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Results.Redirect(LoginUrl(http)) : SecondFactorPage(http, antiforgery, null));
        pages.MapPost("/second-factor", SecondFactorAsync);
        pages.MapGet("/signed-in", async (HttpContext http, UserManager<Account> users) =>
        {
            var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            if (!session.Succeeded || await users.GetUserAsync(session.Principal!) is not { } account)
            {
                return Results.Redirect(LoginUrl(http));
            }
            var texts = PageTexts.For(http.Request);
            return new HtmlPage(http.Request, texts, texts.SignInTitle).Paragraph($"{texts.SignedInAs} {account.Email}", "status")
                .Link("/account/password", texts.ChangePasswordTitle).Link("/account/logout", texts.SignOut).Result();
        });
        pages.MapGet("/logout", async (HttpContext http, SignInManager<Account> signIn, UserManager<Account> users, SignInAudit audit) =>
        {
            if (await users.GetUserAsync(http.User) is { } account)
            {
                await audit.RecordAsync("sign-out", account, StatusCodes.Status200OK);
            }
            await signIn.SignOutAsync();
            var texts = PageTexts.For(http.Request);
            return new HtmlPage(http.Request, texts, texts.SignOut).Paragraph(texts.SignedOut, "status").Result();
        });
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, IAntiforgery antiforgery, UserManager<Account> users, SignInManager<Account> signIn, SignInAudit audit)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return LoginPage(http, antiforgery, null, StatusCodes.Status400BadRequest);
        }
        var texts = PageTexts.For(http.Request);
        var form = await http.Request.ReadFormAsync();
        var account = await users.FindByEmailAsync(form["email"].ToString().Trim());
        if (account is null || !account.IsActive)
        {
            // The same answer as a wrong password: the page does not tell who has an account.
            await audit.RecordAsync("bad-pass", account, StatusCodes.Status401Unauthorized);
            return LoginPage(http, antiforgery, texts.Failed, StatusCodes.Status401Unauthorized);
        }
        if (await users.IsLockedOutAsync(account))
        {
            await audit.RecordAsync("refused", account, StatusCodes.Status423Locked);
            return LoginPage(http, antiforgery, texts.LockedOut, StatusCodes.Status401Unauthorized);
        }
        var result = await signIn.PasswordSignInAsync(account, form["password"].ToString(), isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync("sign-in", account, StatusCodes.Status302Found);
            return Results.Redirect(LocalReturnUrl(form[ReturnUrl]));
        }
        if (result.RequiresTwoFactor)
        {
            return Results.Redirect("/account/second-factor" + QueryString.Create(ReturnUrl, LocalReturnUrl(form[ReturnUrl])));
        }
        return await FailedAsync(account, "bad-pass", users, audit, texts.Failed, texts,
            message => LoginPage(http, antiforgery, message, StatusCodes.Status401Unauthorized));
    }

    private static async Task<IResult> SecondFactorAsync(HttpContext http, IAntiforgery antiforgery, UserManager<Account> users, SignInManager<Account> signIn, SignInAudit audit)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return SecondFactorPage(http, antiforgery, null, StatusCodes.Status400BadRequest);
        }
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null)
        {
            return Results.Redirect(LoginUrl(http));
        }
        var texts = PageTexts.For(http.Request);
        var form = await http.Request.ReadFormAsync();
        var code = form["code"].ToString().Replace(" ", "", StringComparison.Ordinal);
        if (await users.IsLockedOutAsync(account))
        {
            await audit.RecordAsync("refused", account, StatusCodes.Status423Locked);
            return SecondFactorPage(http, antiforgery, texts.LockedOut, StatusCodes.Status401Unauthorized);
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync("sign-in", account, StatusCodes.Status302Found);
            return Results.Redirect(LocalReturnUrl(form[ReturnUrl]));
        }
        return await FailedAsync(account, "bad-code", users, audit, texts.CodeFailed, texts,
            message => SecondFactorPage(http, antiforgery, message, StatusCodes.Status401Unauthorized));
    }

    /// <summary>A wrong password or code: audited, and if it was the last one allowed, the lockout too.</summary>
    private static async Task<IResult> FailedAsync(Account account, string action, UserManager<Account> users, SignInAudit audit,
        string failure, PageTexts texts, Func<string, IResult> page)
    {
        await audit.RecordAsync(action, account, StatusCodes.Status401Unauthorized);
        if (await users.IsLockedOutAsync(account))
        {
            await audit.RecordAsync("locked", account, StatusCodes.Status423Locked);
            return page(texts.LockedOut);
        }
        return page(failure);
    }

    private static IResult LoginPage(HttpContext http, IAntiforgery antiforgery, string? message, int status = StatusCodes.Status200OK)
    {
        var texts = PageTexts.For(http.Request);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var page = new HtmlPage(http.Request, texts, texts.SignInTitle);
        if (message is not null)
        {
            page.Paragraph(message, "alert");
        }
        return page.Form(http.Request.Path + QueryString.Create("lang", texts.Language), tokens.FormFieldName, tokens.RequestToken!,
                [(ReturnUrl, ReturnUrlOf(http.Request))],
                [("email", texts.Email, "email", "username"), ("password", texts.Password, "password", "current-password")], texts.SignIn)
            .Result(status);
    }

    private static IResult SecondFactorPage(HttpContext http, IAntiforgery antiforgery, string? message, int status = StatusCodes.Status200OK)
    {
        var texts = PageTexts.For(http.Request);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var page = new HtmlPage(http.Request, texts, texts.SecondFactorTitle).Paragraph(texts.SecondFactorHelp);
        if (message is not null)
        {
            page.Paragraph(message, "alert");
        }
        return page.Form(http.Request.Path + QueryString.Create("lang", texts.Language), tokens.FormFieldName, tokens.RequestToken!,
                [(ReturnUrl, ReturnUrlOf(http.Request))],
                [("code", texts.Code, "text", "one-time-code")], texts.Confirm)
            .Result(status);
    }

    /// <summary>Where the page leads after it: the address it was given, in its query or its posted form.</summary>
    private static string ReturnUrlOf(HttpRequest request) =>
        LocalReturnUrl(request.Query[ReturnUrl].Count > 0 ? request.Query[ReturnUrl] : request.HasFormContentType ? request.Form[ReturnUrl] : default);

    private static string LoginUrl(HttpContext http) => "/account/login" + http.Request.QueryString;

    /// <summary>Only an address on this site: a sign-in never sends anyone elsewhere (no open redirect).</summary>
    public static string LocalReturnUrl(Microsoft.Extensions.Primitives.StringValues asked)
    {
        var url = asked.ToString();
        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/account/signed-in";
    }
}
