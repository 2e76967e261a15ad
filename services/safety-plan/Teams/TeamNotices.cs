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
}
