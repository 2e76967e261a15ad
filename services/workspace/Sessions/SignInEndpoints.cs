using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Safeguard.Workspace.Sessions;

/// <summary>Signing in (again) and out: plain HTTP endpoints, since a sign-in leaves the page for the identity service.</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        // After a session ended for inactivity she signs in again, password and second factor included.
        app.MapGet("/sign-in", (string? returnUrl, bool? again) =>
        {
            var properties = new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) };
            if (again == true)
            {
                properties.SetParameter("prompt", "login");
            }
            return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
        }).AllowAnonymous();
        // A form post with the antiforgery token: no other site can sign her out.
        app.MapPost("/sign-out", () => Results.SignOut(new AuthenticationProperties { RedirectUri = WorkspaceSignIn.PathBase + "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        return app;
    }

    /// <summary>Only a path of the workspace: a sign-in link can never send her to another site.</summary>
    private static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith(WorkspaceSignIn.PathBase + "/", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            ? url
            : WorkspaceSignIn.PathBase + "/";
}
