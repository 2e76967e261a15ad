using Microsoft.AspNetCore.Identity;
using Safeguard.Identity.Persistence;

namespace Safeguard.Identity.Accounts;

public static class AccountsRegistration
{
    /// <summary>Lockout after this many failed passwords or codes in a row (issue 22 §1).</summary>
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>How long an invitation link works: a weekend, so that a Friday's invitation is still good on Monday.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);

    /// <summary>How long a professional stays signed in at the identity service: one shift.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<Account>(options =>
            {
                // NIST SP 800-63B: length and a list of known passwords (PasswordRules), no composition rules.
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.ClaimsIdentity.UserIdClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject;
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<IdentityServiceDbContext>()
            .AddPasswordValidator<PasswordRules>();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = InvitationLifetime);
        builder.Services.AddAuthentication().AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie!.Configure(options =>
            {
                options.Cookie.Name = "safeguard.signin";
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/login";
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = false;
            });
            cookies.TwoFactorUserIdCookie!.Configure(options => options.Cookie.Name = "safeguard.second-factor");
        });
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "safeguard.form");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SignInAudit>();
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddScoped<Safeguard.BuildingBlocks.Access.IRecordAccessRules, AccountAccessRules>();
        return builder;
    }
}
