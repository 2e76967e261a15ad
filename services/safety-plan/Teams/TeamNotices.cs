using Safeguard.Contracts.SafetyPlan;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Teams;

/// <summary>What the team is told about its plans, written once for every path that convenes it.</summary>
public static class TeamNotices
{
    /// <summary>Every current member and deputy of the plan's team learns it is convened (Art. 17-19) or reconvened on new risk (Art. 21).</summary>
    public static async Task PublishConvenedAsync(SafetyPlanDbContext db, Plans.SafetyPlan plan, IReadOnlyList<string> reasons, bool reconvened,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipients = await TeamQueries.RecipientsAsync(db, plan.TeamId, cancellationToken);
        db.Publish(new TeamConvened(plan.Id, plan.CaseId, plan.CaseReference, plan.CentreCode, plan.TeamId, reasons, reconvened, recipients, now));
    }

    /// <summary>Who holds the team's seats now, by account (<see cref="TeamRosterChanged"/>): after every seat change and acceptance.</summary>
    public static async Task PublishRosterAsync(SafetyPlanDbContext db, Team team, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roster = await TeamQueries.CurrentMembershipsAsync(db, team.Id, cancellationToken);
        db.Publish(new TeamRosterChanged(team.Id, team.CentreCode, roster.Where(m => m.IsAccepted).Select(m => m.AccountSubject!).Distinct().ToList(), now));
    }

    /// <summary>The seat's code goes to its work address, in the person's language (issue 22 §4).</summary>
    public static void PublishSeatInvitation(SafetyPlanDbContext db, Team team, TeamMembership seat, string code, DateTimeOffset now) =>
        db.Publish(new TeamSeatInvited(seat.Id, team.Id, team.CentreCode, team.Name, seat.InstitutionName, TeamQueries.Recipient(seat), code, seat.InvitationExpiresAt!.Value, now));
}
