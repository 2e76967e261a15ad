using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Access;

/// <summary>
/// Who reaches a plan or a team (issue 9; seed 003 Art. 3, Art. 17): the case workers and supervisors of the
/// centre that owns it, and the current members and deputies of its team (Annex 4) — the accounts that accepted
/// their seats, never whoever claims a roster address in his token (issue 22 §4). A member who leaves the team
/// loses access at once.
/// </summary>
public sealed class PlanAccessRules(SafetyPlanDbContext db) : IRecordAccessRules
{
    public const string Plan = "plan";

    /// <summary>A plan reached through its case id (GET /plans/by-case/{caseId}).</summary>
    public const string PlanOfCase = "plan-of-case";

    /// <summary>The Annex 3 individual plan, keyed by case id: the centre's alone, never the team's.</summary>
    public const string IndividualPlan = "individual-plan";

    public const string Team = "team";

    public IReadOnlyCollection<string> RecordTypes { get; } = [Plan, PlanOfCase, IndividualPlan, Team];

    public async Task<bool> MayAccessAsync(Caller caller, string recordType, Guid id, CancellationToken cancellationToken)
    {
        var (centre, teamId) = recordType switch
        {
            Plan => await db.SafetyPlans.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new ValueTuple<string?, Guid?>(p.CentreCode, p.TeamId)).SingleOrDefaultAsync(cancellationToken),
            PlanOfCase => await db.SafetyPlans.AsNoTracking().Where(p => p.CaseId == id)
                .Select(p => new ValueTuple<string?, Guid?>(p.CentreCode, p.TeamId)).SingleOrDefaultAsync(cancellationToken),
            IndividualPlan => await IndividualPlanCentreAsync(id, cancellationToken),
            Team => await db.Teams.AsNoTracking().Where(t => t.Id == id)
                .Select(t => new ValueTuple<string?, Guid?>(t.CentreCode, t.Id)).SingleOrDefaultAsync(cancellationToken),
            _ => (null, null),
        };
        if (centre is null)
        {
            return false;
        }
        if (caller.WorksAtCentre(centre))
        {
            return true;
        }
        return recordType != IndividualPlan && teamId is { } team && await IsCurrentMemberAsync(caller, team, cancellationToken);
    }

    /// <summary>The teams whose seat the caller's own account holds now, as member or deputy (issue 22 §4).</summary>
    public IQueryable<Guid> TeamsOf(Caller caller) => caller.Subject is { Length: > 0 } subject
        ? db.TeamMemberships.Where(m => m.ValidTo == null && m.AccountSubject == subject).Select(m => m.TeamId)
        : Enumerable.Empty<Guid>().AsQueryable();

    private async Task<bool> IsCurrentMemberAsync(Caller caller, Guid teamId, CancellationToken cancellationToken) =>
        await TeamsOf(caller).AnyAsync(t => t == teamId, cancellationToken);

    private async Task<(string?, Guid?)> IndividualPlanCentreAsync(Guid caseId, CancellationToken cancellationToken)
    {
        // Whose case it is, as risk-assessment announced it: before the first PUT there is no individual plan
        // yet, and a request never names the centre itself.
        var centre = await db.KnownCases.AsNoTracking().Where(c => c.CaseId == caseId).Select(c => c.CentreCode).SingleOrDefaultAsync(cancellationToken)
            ?? await db.IndividualPlans.AsNoTracking().Where(p => p.CaseId == caseId).Select(p => p.CentreCode).SingleOrDefaultAsync(cancellationToken);
        return (centre, null);
    }
}
