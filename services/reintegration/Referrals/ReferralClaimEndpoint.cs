using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Referrals;

public sealed record ReferralClaimedView(Guid ReferralId, string Reference);

/// <summary>
/// The professional a referral names takes it with the code its e-mail brought her (issue 22 §4): from then on
/// her account, and no other, reads and answers it for her institution.
/// </summary>
public static class ReferralClaimEndpoint
{
    public static IEndpointRouteBuilder MapReferralClaimEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(ReintegrationService.Description.ApiPrefix + "/referrals/claims", ClaimAsync).WithTags("Referrals").WithName("ClaimReferral")
            .WithSummary("Take the referral whose code was e-mailed to you: your account answers it from now on")
            .Produces<ReferralClaimedView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .AllowRoles(PlatformRoles.TeamMember);
        return app;
    }

    private static async Task<IResult> ClaimAsync(InvitationCodeRequest request, HttpContext http, ReintegrationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var hash = InvitationCode.Hash(request.Code!);
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var holder = (await db.ReferralHolders.FromSql($"SELECT * FROM referral_holders WHERE code_hash = {hash} FOR UPDATE").ToListAsync(cancellationToken))
            .SingleOrDefault();
        if (holder is null)
        {
            return Problems.For(ReferralHolder.UnknownCode);
        }
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == holder.ReferralId, cancellationToken);
        if (holder.Claim(http.Caller().Subject, referral.IsOpen, time.GetUtcNow()) is { } broken)
        {
            return Problems.For(broken);
        }
        // Taking a referral opens it to this account: recorded like any change of access, in the same commit.
        AuditTrail.Add(db, http, "change", HouseholdAccessRules.Referral, referral.Id, StatusCodes.Status200OK);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new ReferralClaimedView(referral.Id, referral.Reference));
    }
}
