using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Reporting;
using Safeguard.Reintegration.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;
using Safeguard.Reintegration.Schemes;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Indicators;

public sealed class IndicatorValueRequest
{
    [Required, Range(0, 100)]
    public decimal? Value { get; init; }

    [StringLength(1000)]
    public string? Note { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? EnteredBy { get; init; }
}

/// <param name="TargetYear">The plan's target year the figure is measured against: 2026 up to 2026, 2028 after.</param>
/// <param name="Target">That year's target.</param>
/// <param name="OnTrack">Whether the actual value reaches the target; null when either is unknown.</param>
/// <param name="Reading">How the indicator's row was read from the plan, where its table is not one row per indicator.</param>
/// <param name="ToConfirm">What stays uncertain in that reading, for the municipality to confirm.</param>
/// <param name="Suppressed">The counts (and the percentage) were withheld by the small-count rule: the view left the municipality.</param>
public sealed record IndicatorReport(string Code, string Text, string TextEn, Measure Measure, decimal? Baseline, decimal? Target2026, decimal? Target2028,
    int TargetYear, decimal? Target, decimal? Actual, int? Numerator, int? Denominator, string? Basis, bool? OnTrack, string? ToConfirm = null,
    string? Reading = null, bool Suppressed = false)
{
    /// <summary>
    /// The line's counts under the platform's small-count rule: what it counted and of how many, with those not reached
    /// (printed nowhere, but the difference of the two) in one group. Null for an entered value.
    /// </summary>
    public (CountCell Counted, CountCell Of)? Counts(ICollection<CountCell> cells, ICollection<CountGroup> groups)
    {
        if (Numerator is not { } n || Denominator is not { } d)
        {
            return null;
        }
        var (counted, of, notReached) = (new CountCell(n), new CountCell(d), new CountCell(d - n));
        foreach (var cell in (CountCell[])[counted, of, notReached])
        {
            cells.Add(cell);
        }
        groups.Add(new CountGroup(of, [counted, notReached]));
        return (counted, of);
    }
}

public sealed record ObjectiveReport(int Number, string Title, string TitleEn, IReadOnlyList<IndicatorReport> Indicators);

/// <summary>Progress towards the plan's targets for a municipality (or the whole country) and year: counts and percentages only.</summary>
public sealed record ProgressReport(string? MunicipalityCode, int Year, DateTimeOffset ComputedAt, IReadOnlyList<ObjectiveReport> Objectives);

public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var prefix = ReintegrationService.Description.ApiPrefix;
        app.MapGet(prefix + "/objectives", () => TypedResults.Ok(IndicatorCatalogue.Objectives)).WithTags("Indicators").WithName("ListObjectives")
            .WithSummary("The plan's objectives 1-10 with indicators, baselines and 2026/2028 targets (seed 004)");
        app.MapGet(prefix + "/indicators", ReportAsync).WithTags("Indicators").WithName("IndicatorReport")
            .WithSummary("Progress per indicator for a municipality (or all) and year: computed from records where possible, entered otherwise")
            .Produces<ProgressReport>().ProducesValidationProblem()
            // Counts and percentages only: no person can be read from them (seed 004 §10).
            .AllowRoles(PlatformRoles.Analyst, PlatformRoles.ReintegrationOfficer);
        app.MapPut(prefix + "/indicators/{code}/values/{municipality}/{year:int}", EnterAsync).WithTags("Indicators").WithName("EnterIndicatorValue")
            .WithSummary("Enter a municipality's value for an indicator that cannot be computed from records (004 §10.3)")
            .Produces<IndicatorValue>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .AllowRoles(PlatformRoles.ReintegrationOfficer);
        return app;
    }

    private static async Task<IResult> ReportAsync(string? municipality, int? year, HttpContext http, ReintegrationDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        (municipality, var refused) = MunicipalityScope.ForReading(http, municipality);
        if (refused is not null)
        {
            return refused;
        }
        var now = time.GetUtcNow();
        var reportYear = year ?? now.Year;
        if (reportYear is < 2000 or > 2100)
        {
            return Problems.Invalid("year", "The year must be between 2000 and 2100.");
        }
        var objectives = await IndicatorReporting.ComputeAsync(db, municipality, ReportPeriod.OfYear(reportYear), now, cancellationToken);
        if (http.Caller().Is(PlatformRoles.Analyst))
        {
            objectives = IndicatorReporting.WithSmallCountsSuppressed(objectives);
        }
        return TypedResults.Ok(new ProgressReport(municipality, reportYear, now, objectives));
    }

    private static async Task<IResult> EnterAsync(string code, string municipality, int year, IndicatorValueRequest request, ReintegrationDbContext db,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (MunicipalityScope.ForWriting(http, municipality, "A municipality enters its own values.") is { } refused)
        {
            return refused;
        }
        if (IndicatorCatalogue.Find(code) is not { } indicator)
        {
            return Problems.NotFound("The plan has no such indicator.");
        }
        if (indicator.Measure == Measure.Computed)
        {
            return Problems.Conflict("code", "This indicator is computed from the records; it cannot be entered.");
        }
        if (year is < 2000 or > 2100)
        {
            return Problems.Invalid("year", "The year must be between 2000 and 2100.");
        }
        var now = time.GetUtcNow();
        var value = await db.IndicatorValues.FindAsync([code, municipality, year], cancellationToken);
        if (value is null)
        {
            value = IndicatorValue.Enter(code, municipality, year, request.Value!.Value, request.Note?.Trim(), request.EnteredBy!.Trim(), now);
            db.IndicatorValues.Add(value);
        }
        else
        {
            value.Update(request.Value!.Value, request.Note?.Trim(), request.EnteredBy!.Trim(), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(value);
    }
}
