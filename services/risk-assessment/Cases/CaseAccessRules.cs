using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.RiskAssessment.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>
/// Who reaches a case (issue 9; seed 003 Art. 3 confidentiality): the case workers and supervisors of the
/// centre that owns it. The police reach it only to record their report (Art. 19): the police-report
/// endpoint is the only one their role opens.
/// </summary>
public sealed class CaseAccessRules(RiskAssessmentDbContext db) : IRecordAccessRules
{
    public const string Case = "case";

    /// <summary>A case's police reports, read (Art. 19): the centre, and the current members of its live plan's team.</summary>
    public const string PoliceReports = "case-police-reports";

    public IReadOnlyCollection<string> RecordTypes { get; } = [Case, PoliceReports];

    public async Task<bool> MayAccessAsync(Caller caller, string recordType, Guid id, CancellationToken cancellationToken)
    {
        var centre = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.CentreCode).SingleOrDefaultAsync(cancellationToken);
        if (centre is null)
        {
            return false;
        }
        if (caller.WorksAtCentre(centre))
        {
            return true;
        }
        return recordType == PoliceReports
            ? caller.Is(PlatformRoles.TeamMember) && await SitsOnTheTeamOfTheLivePlanAsync(caller, id, cancellationToken)
            : caller.Is(PlatformRoles.TeamMember) && caller.InstitutionKind == "police";
    }

    /// <summary>Art. 19: the police report feeds the safety plan; the team drawing it up reads it while she sits on it.</summary>
    private async Task<bool> SitsOnTheTeamOfTheLivePlanAsync(Caller caller, Guid caseId, CancellationToken cancellationToken)
    {
        var roster = await db.CaseSafetyPlans.AsNoTracking()
            .Where(p => p.CaseId == caseId && p.Live && p.TeamId != null)
            .Join(db.TeamRosters.AsNoTracking(), p => p.TeamId, r => r.TeamId, (_, r) => r)
            .SingleOrDefaultAsync(cancellationToken);
        return roster is not null && roster.Seats(caller.Subject);
    }
}
