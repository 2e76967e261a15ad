using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Reporting;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Indicators;
using Safeguard.Reintegration.Persistence;
using Safeguard.Reintegration.Schemes;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Reports;

/// <summary>A municipality's progress report to the ministry for a year or a quarter (004 §10.3), as CSV or XLSX.</summary>
public static class ProgressReportEndpoints
{
    public static IEndpointRouteBuilder MapProgressReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReintegrationService.Description.ApiPrefix + "/progress-reports/{municipality}/{period}", DownloadAsync).WithTags("Indicators")
            .WithName("DownloadProgressReport")
            .WithSummary("The municipality's progress report for a year (2026) or quarter (2026-Q1): cases, indicators against baseline and target, scheme evaluations; counts below 5 suppressed (format=csv|xlsx)")
            .Produces<byte[]>(contentType: CsvReport.ContentType).Produces<byte[]>(contentType: XlsxReport.ContentType).ProducesValidationProblem()
            // Counts only, protected against small numbers: the ministry's analysts read every municipality's.
            .AllowRoles(PlatformRoles.ReintegrationOfficer, PlatformRoles.Analyst);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string municipality, string period, string? format, HttpContext http, ReintegrationDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (MunicipalityScope.ForReading(http, municipality).Refusal is { } refused)
        {
            return refused;
        }
        if (!ReportPeriod.TryParse(period, out var reportPeriod))
        {
            return Problems.Invalid("period", "Write the period as a year (2026) or a quarter (2026-Q1).");
        }
        format ??= "csv";
        if (format is not ("csv" or "xlsx"))
        {
            return Problems.Invalid("format", "The format is csv or xlsx.");
        }

        var now = time.GetUtcNow();
        var tables = ProgressReportTables.Build(await LoadAsync(db, municipality, reportPeriod, now, cancellationToken));
        var name = $"progress-report-{municipality}-{reportPeriod.Label}.{format}";
        return format == "xlsx"
            ? TypedResults.File(XlsxReport.Write(tables), XlsxReport.ContentType, name)
            : TypedResults.File(CsvReport.Write(tables), CsvReport.ContentType, name);
    }

    private static async Task<ProgressReportData> LoadAsync(ReintegrationDbContext db, string municipality, ReportPeriod period, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.MunicipalityCode == municipality);
        var opened = await cases.CountAsync(c => c.ArrivalAt >= period.From && c.ArrivalAt < period.To, cancellationToken);
        var closed = await cases.Where(c => c.ClosedAt >= period.From && c.ClosedAt < period.To)
            .Select(c => new { c.Sustainable, c.EarlyClosureReason }).ToListAsync(cancellationToken);
        var counts = new CaseCounts(opened, closed.Count(c => c.EarlyClosureReason == null && c.Sustainable == true),
            closed.Count(c => c.EarlyClosureReason == null && c.Sustainable != true), closed.Count(c => c.EarlyClosureReason != null));

        var objectives = await IndicatorReporting.ComputeAsync(db, municipality, period, now, cancellationToken);

        var written = await db.SchemeEvaluations.AsNoTracking().Where(e => e.MunicipalityCode == municipality && e.Year == period.Year)
            .ToDictionaryAsync(e => e.QuarterNumber, cancellationToken);
        // A quarter not yet evaluated shows what the records say so far; the records are read once for all such quarters.
        var computed = await SchemeFiguresQuery.ComputeAsync(db, municipality, [.. Quarter.In(period).Where(q => !written.ContainsKey(q.Number))],
            cancellationToken);
        var schemes = Quarter.In(period).Select(quarter => written.GetValueOrDefault(quarter.Number) is { } evaluation
                ? new QuarterSchemes(quarter, EvaluationStatus.Evaluated, evaluation.Figures, evaluation.Impact, evaluation.ProposedChanges)
                : new QuarterSchemes(quarter, quarter.Status(false, now), computed[quarter], null, null))
            .ToList();
        return new ProgressReportData(municipality, period, now, counts, objectives, schemes);
    }
}
