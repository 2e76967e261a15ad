using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Indicators;

namespace Safeguard.TrainingRegistry.UnitTests;

/// <summary>The ministry's analysts read the registry's counts under the platform's one small-count rule.</summary>
public sealed class AnalystViewTests
{
    private static ActivityYear Year(int people, Dictionary<string, int?> byInstitution, params IndicatorProgress[] indicators) => new("1.1.6", "CSR",
        "2023-2027", 2026, 4, people, 0, new Dictionary<string, int?> { ["csr-professional"] = people }, byInstitution, indicators);

    [Fact]
    public void An_institution_with_few_people_trained_is_withheld_with_the_next_smallest_so_the_total_gives_neither_back()
    {
        var view = AnalystView.Protect(Year(21, new() { ["CSR Skopje"] = 14, ["CSR Kumanovo"] = 5, ["CSR Tetovo"] = 2 },
            new IndicatorProgress("Обучени", "Trained", IndicatorMeasure.PeopleTrained, null, null, 2026, 2026, 21, null)));

        Assert.True(view.Suppressed);
        Assert.Equal(21, view.PeopleTrained);
        Assert.Equal(new Dictionary<string, int?> { ["CSR Skopje"] = 14, ["CSR Kumanovo"] = null, ["CSR Tetovo"] = null }, view.ByInstitution);
        Assert.Equal(21, Assert.Single(view.Indicators).Actual);
        Assert.Equal(4, view.TrainingsHeld);
    }

    [Fact]
    public void A_small_activity_hides_its_total_and_the_indicator_counting_the_same_people()
    {
        var view = AnalystView.Protect(Year(3, new() { ["Newsroom"] = 3 },
            new IndicatorProgress("Обучени", "Trained", IndicatorMeasure.PeopleTrained, 2, TargetScope.PerYear, 2026, 2026, 3, true)));

        Assert.Null(view.PeopleTrained);
        Assert.Null(view.ByInstitution["Newsroom"]);
        var line = Assert.Single(view.Indicators);
        Assert.Equal((null, null), (line.Actual, line.Met));
    }
}
