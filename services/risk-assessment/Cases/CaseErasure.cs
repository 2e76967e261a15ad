using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>
/// Erases a closed case and every record under it (issue 24 §10), in the caller's change, and tells the other services
/// (<see cref="CaseErased"/>): the retention step and an authorised erasure request take this one path, and each is
/// audited where it is made.
/// </summary>
public static class CaseErasure
{
    public static async Task EraseAsync(RiskAssessmentDbContext db, Case erased, ErasureGround ground, DateTimeOffset at, CancellationToken cancellationToken)
    {
        erased.Erase(ground, at);
        foreach (var assessment in await db.Assessments.Where(a => a.CaseId == erased.Id).ToListAsync(cancellationToken))
        {
            assessment.Erase();
        }
        foreach (var consent in await db.ConsentRecords.Where(r => r.CaseId == erased.Id).ToListAsync(cancellationToken))
        {
            consent.Erase();
        }
        foreach (var report in await db.PoliceReports.Where(r => r.CaseId == erased.Id).ToListAsync(cancellationToken))
        {
            report.Erase();
        }
        // The safety plan's records for the case go the same way, in safety-plan, as soon as this change commits.
        db.Publish(new CaseErased(erased.Id, erased.Reference, erased.CentreCode, KebabCaseEnum.Name(ground), at));
    }
}
