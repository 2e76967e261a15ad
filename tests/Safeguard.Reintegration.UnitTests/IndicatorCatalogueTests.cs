using Safeguard.Reintegration.Indicators;

namespace Safeguard.Reintegration.UnitTests;

/// <summary>Seed 004's tables of objectives 1-10: every indicator with its baseline and 2026 and 2028 targets as printed.</summary>
public sealed class IndicatorCatalogueTests
{
    /// <summary>Read row by row from the seed (a dash where the plan prints nothing or a bare "%").</summary>
    public static TheoryData<string, decimal?, decimal?, decimal?> AsPrinted => new()
    {
        { "1.1", 40, 60, 80 }, { "1.2", 50, 70, 80 }, { "1.3", 30, 50, 70 },
        { "2.1", 40, 70, 90 }, { "2.2", 40, 75, 90 }, { "2.3", 30, 60, 80 },
        { "3.1", 60, 70, 90 }, { "3.2", 60, 70, 90 }, { "3.3", 60, 70, 90 }, { "3.4", 60, 70, 90 }, { "3.5", 60, 70, 90 }, { "3.6", 60, 70, 90 }, { "3.7", 60, 70, 90 },
        { "4.1", 40, 75, 90 }, { "4.2", 50, 70, 90 }, { "4.3", null, 30, 50 }, { "4.4", 10, 30, 60 }, { "4.5", 10, 30, 50 }, { "4.6", 30, 50, 60 },
        { "5.1", 90, 100, 100 }, { "5.2", 50, 60, 85 }, { "5.3", 50, 75, 80 }, { "5.4", 10, 50, 80 }, { "5.5", null, null, null }, { "5.6", 50, 60, 70 },
        { "6.1", 5, 30, 60 }, { "6.2", 5, 40, 70 },
        { "7.1", 40, 60, 80 }, { "7.2", 30, 50, 80 }, { "7.3", 50, 70, 80 }, { "7.4", 40, 60, 70 },
        { "8.1", 40, 60, 80 }, { "8.2", null, 30, 50 }, { "8.3", null, 30, 50 }, { "8.4", 30, null, null }, { "8.5", null, 50, 70 },
        { "9.1", 40, 60, 80 }, { "9.2", 40, 60, 70 }, { "9.3", 30, 50, 70 }, { "9.4", 20, 50, 70 },
        { "10.1", null, null, null }, { "10.2", 30, 40, 60 }, { "10.3", 30, 40, 60 },
    };

    [Theory]
    [MemberData(nameof(AsPrinted))]
    public void Each_indicator_has_its_baseline_and_targets_as_printed(string code, decimal? baseline, decimal? target2026, decimal? target2028)
    {
        var indicator = IndicatorCatalogue.Find(code);

        Assert.NotNull(indicator);
        Assert.Equal((baseline, target2026, target2028), (indicator.Baseline, indicator.Target2026, indicator.Target2028));
    }

    [Fact]
    public void The_catalogue_holds_the_seeds_indicators_and_no_other_besides_the_measure_level_visit()
    {
        var codes = IndicatorCatalogue.Objectives.SelectMany(o => o.Indicators).Select(i => i.Code).Where(c => !c.StartsWith('M')).ToList();

        Assert.Equal(AsPrinted.Select(row => ((ITheoryDataRow)row).GetData()[0] as string).Order(), codes.Order());
        Assert.Equal(10, IndicatorCatalogue.Objectives.Count);
    }

    [Fact]
    public void Rows_the_extracted_tables_do_not_line_up_are_flagged_for_the_municipality_and_not_assigned()
    {
        var flagged = IndicatorCatalogue.Objectives.SelectMany(o => o.Indicators).Where(i => i.ToConfirm is not null).ToList();

        Assert.Equal(["5.5", "8.4", "10.1"], flagged.Select(i => i.Code));
        Assert.Contains("80 % / 85 % / 97 %", flagged[0].ToConfirm);
        Assert.Contains("30 % / 40 %", flagged[1].ToConfirm);
        Assert.All(flagged, i => Assert.Null(i.Target2028));
    }

    [Theory]
    [InlineData(2025, 2026, 60)]
    [InlineData(2026, 2026, 60)]
    [InlineData(2027, 2028, 80)]
    [InlineData(2028, 2028, 80)]
    public void A_year_is_measured_against_2026s_target_up_to_2026_and_2028s_after(int year, int targetYear, int target)
    {
        Assert.Equal((targetYear, (decimal?)target), IndicatorCatalogue.Find("1.1")!.TargetFor(year));
    }
}
