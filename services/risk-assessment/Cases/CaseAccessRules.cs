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

    public IReadOnlyCollection<string> RecordTypes { get; } = [Case];

    public async Task<bool> MayAccessAsync(Caller caller, string recordType, Guid id, CancellationToken cancellationToken)
    {
        var centre = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.CentreCode).SingleOrDefaultAsync(cancellationToken);
        return centre is not null
            && (caller.WorksAtCentre(centre) || (caller.Is(PlatformRoles.TeamMember) && caller.InstitutionKind == "police"));
    }
}
