using Microsoft.AspNetCore.Authorization;

namespace Safeguard.ServiceDefaults.Security;

/// <summary>Part of every policy, the fallback included: the caller's roles fit the institution her token names (<see cref="RoleInstitutions"/>).</summary>
public sealed class InstitutionFitRequirement : AuthorizationHandler<InstitutionFitRequirement>, IAuthorizationRequirement
{
    public static readonly InstitutionFitRequirement Instance = new();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InstitutionFitRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && RoleInstitutions.Misfit(Caller.From(context.User)) is null)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
