using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Teams;

public sealed record SeatAcceptedView(Guid TeamId, string CentreCode, string TeamName, MembershipView Seat);

/// <summary>
/// A professional takes the team seat her invitation e-mail gave her a code for (issue 22 §4): the seat is bound
/// to the account she is signed in with, the only caller who acts in it from then on.
/// </summary>
public static class SeatAcceptanceEndpoint
{
    public static IEndpointRouteBuilder MapSeatAcceptanceEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(SafetyPlanService.Description.ApiPrefix + "/seats/acceptance", AcceptAsync).WithTags("Teams").WithName("AcceptSeat")
            .WithSummary("Take the team seat whose code was e-mailed to you: it is bound to the account you are signed in with")
            .Produces<SeatAcceptedView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .AllowRoles(PlatformRoles.CsrAndTeam);
        return app;
    }

    private static async Task<IResult> AcceptAsync(InvitationCodeRequest request, HttpContext http, SafetyPlanDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        var hash = InvitationCode.Hash(request.Code!);
        var teamId = await db.TeamMemberships.AsNoTracking().Where(m => m.InvitationHash == hash).Select(m => (Guid?)m.TeamId).SingleOrDefaultAsync(cancellationToken);
        if (teamId is null)
        {
            return NotValid();
        }
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        // The team's lock orders acceptances and seat changes, so the roster each one publishes is never overtaken
        // by an older one; the team itself does not change (its ETag stays).
        var team = (await db.Teams.FromSql($"SELECT *, xmin FROM teams WHERE id = {teamId} FOR UPDATE").AsNoTracking().ToListAsync(cancellationToken)).Single();
        var seat = await db.TeamMemberships.SingleOrDefaultAsync(m => m.InvitationHash == hash, cancellationToken);
        if (seat is null)
        {
            return NotValid();
        }
        if (!seat.FitsInstitution(caller.InstitutionKind))
        {
            return Problems.Forbidden("code", $"This seat is for a {KebabCaseEnum.Name(seat.Institution)} institution; you sign in for a {caller.InstitutionKind} one.");
        }
        if (await TeamQueries.SeatOfAsync(db, seat.TeamId, caller.Subject, cancellationToken) is { } held)
        {
            return Problems.Conflict("code", $"You hold this team's {KebabCaseEnum.Name(held.Role)} seat for {held.InstitutionName} already; one person, one seat.");
        }
        var now = time.GetUtcNow();
        if (seat.Accept(caller.Subject, now) is { } broken)
        {
            return Problems.For(broken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await TeamNotices.PublishRosterAsync(db, team, now, cancellationToken);
        // Taking a seat opens the team's plans to this account: recorded like any change of access, in the same commit.
        AuditTrail.Add(db, http, "change", PlanAccessRules.Team, team.Id, StatusCodes.Status200OK);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new SeatAcceptedView(team.Id, team.CentreCode, team.Name, MembershipView.From(seat)));
    }

    private static IResult NotValid() => Problems.For(TeamMembership.UnknownCode);
}
