using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Reporting;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.SafetyPlan.Kpis;

/// <summary>
/// The protection chain's KPIs of a centre for a period (issue 26 §4), as JSON or as a CSV or XLSX download. A centre's
/// supervisor reads her own centre's in full; the ministry's analysts read any centre's with small counts withheld.
/// </summary>
public static class KpiEndpoints
{
    public static IEndpointRouteBuilder MapKpiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SafetyPlanService.Description.ApiPrefix + "/kpis", ReportAsync).WithTags("KPIs").WithName("ProtectionChainKpis")
            .WithSummary("A centre's protection-chain KPIs for a year (2026), quarter (2026-Q1) or month (2026-03): assessments within 12 hours, high-risk cases with an adopted plan, levels and their movement, plans closed by the team, contacts and reports on time (format=json|csv|xlsx); counts below 5 withheld outside the centre")
            .Produces<KpiReport>().Produces<byte[]>(contentType: CsvReport.ContentType).Produces<byte[]>(contentType: XlsxReport.ContentType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            // Counts, percentages and medians only: no person can be read from them, and outside the centre none from a small count.
            .AllowRoles(PlatformRoles.CsrSupervisor, PlatformRoles.Analyst);
        return app;
    }

    private static async Task<IResult> ReportAsync(string? centre, string? period, string? format, HttpContext http, SafetyPlanDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        var outsideCentre = !caller.Is(PlatformRoles.CsrSupervisor);
        if (!outsideCentre)
        {
            (centre, var refused) = InstitutionScope.Own(http, centre, "centre");
            if (refused is not null)
            {
                return refused;
            }
        }
        else if (string.IsNullOrWhiteSpace(centre))
        {
            return Problems.Invalid("centre", "Name the centre whose KPIs to read.");
        }
        if (!ReportPeriod.TryParse(period, out var reportPeriod, allowMonths: true))
        {
            return Problems.Invalid("period", $"Write the period as {ReportPeriod.Forms}.");
        }
        format ??= "json";
        if (format is not ("json" or "csv" or "xlsx"))
        {
            return Problems.Invalid("format", "The format is json, csv or xlsx.");
        }

        var now = time.GetUtcNow();
        var figures = await KpiQuery.ComputeAsync(db, centre!, reportPeriod.From, reportPeriod.To, now, cancellationToken);
        var report = KpiReport.Of(centre!, reportPeriod, now, figures, suppress: outsideCentre);
        var name = $"protection-chain-kpis-{centre}-{reportPeriod.Label}.{format}";
        return format switch
        {
            "csv" => TypedResults.File(CsvReport.Write([report.Table()]), CsvReport.ContentType, name),
            "xlsx" => TypedResults.File(XlsxReport.Write([report.Table()]), XlsxReport.ContentType, name),
            _ => TypedResults.Ok(report),
        };
    }
}
