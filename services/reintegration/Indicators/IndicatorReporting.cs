using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Reporting;
using Safeguard.Reintegration.Persistence;
using Safeguard.Reintegration.Schemes;

namespace Safeguard.Reintegration.Indicators;

/// <summary>
/// Progress per indicator for a municipality (or the country) and period: computed from the records where the
/// catalogue can, the municipality's entered value for the period's year otherwise. Counts and percentages only.
/// </summary>
public static class IndicatorReporting
{
    public static async Task<IReadOnlyList<ObjectiveReport>> ComputeAsync(ReintegrationDbContext db, string? municipality, ReportPeriod period,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calculator = await IndicatorCalculator.LoadAsync(db, municipality, period, now, cancellationToken);
        var entered = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Year == period.Year && (municipality == null || v.MunicipalityCode == municipality)).ToListAsync(cancellationToken);

        var objectives = IndicatorCatalogue.Objectives.Select(o => new ObjectiveReport(o.Number, o.Title, o.TitleEn, o.Indicators.Select(i =>
        {
            var target = i.TargetFor(period.Year);
            if (calculator.Compute(i.Computation) is { } share)
            {
                return Report(i, target, share.Percent, share.Numerator, share.Denominator, share.Basis);
            }
            // Entered values: the municipality's own, or for the country the mean of the municipalities that reported.
            var values = entered.Where(v => v.Code == i.Code).ToList();
            return values.Count == 0
                ? Report(i, target, null, null, null, null)
                : Report(i, target, Math.Round(values.Average(v => v.Value), 1), null, null,
                    municipality is null ? $"mean of {values.Count} municipalities' entered values" : values[0].Note ?? "entered by the municipality");
        }).ToList())).ToList();
        return objectives;
    }

    /// <summary>The report as it may leave the municipality: lines whose counts the small-count rule withholds lose them and their percentage.</summary>
    public static IReadOnlyList<ObjectiveReport> WithSmallCountsSuppressed(IReadOnlyList<ObjectiveReport> objectives)
    {
        var (cells, groups) = (new List<CountCell>(), new List<CountGroup>());
        var counts = objectives.SelectMany(o => o.Indicators).ToDictionary(i => i, i => i.Counts(cells, groups));
        SmallCounts.Protect(cells, groups);
        return [.. objectives.Select(o => o with
        {
            Indicators = [.. o.Indicators.Select(i => counts[i] is var (counted, of) && (counted.Suppressed || of.Suppressed)
                ? i with
                {
                    Numerator = counted.Suppressed ? null : i.Numerator, Denominator = of.Suppressed ? null : i.Denominator, Actual = null, OnTrack = null,
                    Suppressed = true,
                }
                : i)],
        })];
    }

    private static IndicatorReport Report(Indicator i, (int Year, decimal? Value) target, decimal? actual, int? numerator, int? denominator, string? basis) =>
        new(i.Code, i.Text, i.TextEn, i.Measure, i.Baseline, i.Target2026, i.Target2028, target.Year, target.Value, actual, numerator, denominator, basis,
            actual is { } a && target.Value is { } t ? a >= t : null, i.ToConfirm, i.Reading);
}
