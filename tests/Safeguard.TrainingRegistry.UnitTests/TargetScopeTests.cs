using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Indicators;

namespace Safeguard.TrainingRegistry.UnitTests;

/// <summary>A target stated for the activity's timeframe is compared with the count so far in it; one stated per year, with the year's.</summary>
public sealed class TargetScopeTests
{
    private static readonly ActivityIndicator AtLeast20Trainers = new("Спроведена обука за обучувачи (најмалку 20 обучувачи)", "At least 20 trainers",
        IndicatorMeasure.TrainersCertified, 20, TargetScope.Timeframe);

    private static readonly ActivityIndicator TwoMeetingsAYear = new("Најмалку две организирани работни средби на годишно ниво", "Two meetings a year",
        IndicatorMeasure.TrainingsHeld, 2, TargetScope.PerYear);

    private static Activity Police(params ActivityIndicator[] indicators) =>
        Activity.Create("1.1.2", "1.1", "Обука за полициски службеници", "Police training", 2023, 2025, indicators, [TargetGroup.Police], ["МВР"], null);

    /// <summary>Trainers certified in a year: <paramref name="count"/> distinct people.</summary>
    private static IEnumerable<CompletionFact> Trainers(int year, int count) => Enumerable.Range(0, count)
        .Select(_ => new CompletionFact("1.1.2", year, Guid.NewGuid(), Guid.NewGuid(), TargetGroup.Police, "MVR", MadeTrainer: true));

    [Fact]
    public void Twelve_trainers_in_2023_and_ten_in_2024_meet_at_least_20_over_2023_to_2025()
    {
        var activity = Police(AtLeast20Trainers);
        var facts = new TrainingFacts([activity], [.. Trainers(2023, 12), .. Trainers(2024, 10)], []);

        var first = Assert.Single(TrainingIndicators.For(activity, 2023, facts).Indicators);
        var second = Assert.Single(TrainingIndicators.For(activity, 2024, facts).Indicators);

        Assert.Equal((12, false, 2023, 2023), (first.Actual, first.Met, first.CountedFrom, first.CountedTo));
        Assert.Equal((22, true, 2023, 2024), (second.Actual, second.Met, second.CountedFrom, second.CountedTo));
        Assert.Equal(TargetScope.Timeframe, second.Scope);
        // The year's own figure stays the year's.
        Assert.Equal(10, TrainingIndicators.For(activity, 2024, facts).TrainersCertified);
    }

    [Fact]
    public void The_timeframe_count_stops_at_the_timeframes_last_year_and_starts_at_its_first()
    {
        var activity = Police(AtLeast20Trainers);

        Assert.Equal((2023, 2025), activity.YearsCounted(AtLeast20Trainers, 2027));
        Assert.Null(activity.YearsCounted(AtLeast20Trainers, 2022));
    }

    [Fact]
    public void A_target_per_year_is_compared_with_that_years_count_only()
    {
        var activity = Police(TwoMeetingsAYear);
        var facts = new TrainingFacts([activity], [], new() { [("1.1.2", 2023)] = 3, [("1.1.2", 2024)] = 1 });

        var second = Assert.Single(TrainingIndicators.For(activity, 2024, facts).Indicators);

        Assert.Equal((1, false, 2024, 2024), (second.Actual, second.Met, second.CountedFrom, second.CountedTo));
    }

    [Fact]
    public async Task Every_target_of_the_plan_states_its_scope()
    {
        var activities = await ActionPlanSeeder.PlanActivitiesAsync(TestContext.Current.CancellationToken);

        var targets = activities.SelectMany(a => a.Indicators).Where(i => i.Target is not null).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, i => Assert.NotNull(i.Scope));
    }
}
