using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Consent;
using Safeguard.RiskAssessment.Convening;
using Safeguard.RiskAssessment.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.RiskAssessment.Police;

public static class PoliceReportEndpoints
{
    public static IEndpointRouteBuilder MapPoliceReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RiskAssessmentService.Description.ApiPrefix + "/cases/{caseId:guid}/police-reports").WithTags("Police reports");
        group.MapPost("/", RecordAsync).WithName("RecordPoliceReport")
            .WithSummary("Record a police report; a proposed emergency measure convenes the team (Art. 19; If-Match: the case's ETag)")
            .Produces<PoliceReportView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            // Art. 19: the police report; the centre may record one it received on paper.
            .AllowRoles(PlatformRoles.CsrAndTeam).GuardRecord(CaseAccessRules.Case, "caseId");
        group.MapGet("/", ListAsync).WithName("ListPoliceReports")
            .WithSummary("The police reports recorded on the case (Art. 19), oldest first: for the centre and the current members of its plan's team")
            .Produces<PoliceReportView[]>().AllowRoles(PlatformRoles.CsrAndTeam).GuardRecord(CaseAccessRules.PoliceReports, "caseId");
        return app;
    }

    private static async Task<IResult> RecordAsync(
        Guid caseId, PoliceReportRequest request, HttpRequest http, HttpResponse response, RiskAssessmentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var measures = (request.ProposedMeasures ?? []).Distinct().ToArray();
        var unknown = measures.Except(PoliceReport.EmergencyMeasures).ToArray();
        if (unknown.Length > 0)
        {
            return CaseGuard.Invalid("proposedMeasures", $"Unknown measure(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", PoliceReport.EmergencyMeasures)}.");
        }
        if (request.EmergencyMeasureProposed == true && measures.Length == 0)
        {
            return CaseGuard.Invalid("proposedMeasures", "Name the proposed emergency measure(s).");
        }
        if (request.EmergencyMeasureProposed == false && measures.Length > 0)
        {
            return CaseGuard.Invalid("proposedMeasures", "Measures are named only when an emergency measure was proposed.");
        }
        if (request.ReportedAt > now + CaseEndpoints.AllowedClockSkew)
        {
            return CaseGuard.Invalid("reportedAt", "A police report cannot be dated in the future.");
        }

        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (found, refusal) = await CaseGuard.LoadForChangeAsync(db, caseId, http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var @case = found!;
        var report = PoliceReport.Record(caseId, request.ReportReference!.Trim(), request.PoliceStation!.Trim(), request.ReportedAt!.Value,
            request.EmergencyMeasureProposed!.Value, measures, request.MeasuresTaken?.Trim(),
            request.MeasuresPlanned?.Trim(), now);

        db.PoliceReports.Add(report);
        if (report.EmergencyMeasureProposed)
        {
            // Art. 19(2): a proposed removal from the home convenes the team, even before any assessment.
            var latest = await db.Assessments.Where(a => a.CaseId == caseId).OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken);
            var consent = ConsentStatus.Summarize(@case, await ConsentStatus.LatestAsync(db, caseId, cancellationToken));
            TeamConvening.Request(db, @case, [TeamConvening.PoliceEmergencyMeasure], latest, consent, report.ReportReference, measures, now);
        }
        if (await db.CommitOrRefuseAsync(cancellationToken) is { } stale)
        {
            return stale;
        }
        response.SetETag(@case.Version);
        return TypedResults.Created($"{RiskAssessmentService.Description.ApiPrefix}/cases/{caseId}/police-reports", PoliceReportView.From(report));
    }

    private static async Task<IResult> ListAsync(Guid caseId, RiskAssessmentDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            return CaseGuard.NotFound();
        }
        var reports = await db.PoliceReports.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(reports.Select(PoliceReportView.From).ToArray());
    }
}
