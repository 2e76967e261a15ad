using Safeguard.BuildingBlocks.Reporting;
using Safeguard.TrainingRegistry.ActionPlan;

namespace Safeguard.TrainingRegistry.Indicators;

/// <summary>
/// What the ministry's analysts read of the registry's counts: the platform's one small-count rule applied to the
/// people counted, as in every export. An activity's people trained is the total its target groups and its
/// institutions each add up to; an indicator counting the same people in the same year shares that cell.
/// </summary>
public static class AnalystView
{
    public static ActivityYear Protect(ActivityYear year)
    {
        var people = new CountCell(year.PeopleTrained ?? 0);
        var trainers = new CountCell(year.TrainersCertified ?? 0);
        var byGroup = year.ByTargetGroup.ToDictionary(g => g.Key, g => new CountCell(g.Value ?? 0));
        var byInstitution = year.ByInstitution.ToDictionary(i => i.Key, i => new CountCell(i.Value ?? 0));
        var indicators = year.Indicators.Select(i => (Line: i, Cell: i.Actual is not { } actual || i.Measure == IndicatorMeasure.TrainingsHeld
            ? null
            : i.CountedFrom == year.Year && i.CountedTo == year.Year
                ? i.Measure == IndicatorMeasure.PeopleTrained ? people : trainers
                : new CountCell(actual))).ToList();

        SmallCounts.Protect([people, trainers, .. indicators.Where(i => i.Cell is not null).Select(i => i.Cell!)],
            [new CountGroup(people, [.. byGroup.Values]), new CountGroup(people, [.. byInstitution.Values])]);

        static int? Shown(CountCell cell) => cell.Suppressed ? null : cell.Value;
        var suppressed = people.Suppressed || trainers.Suppressed || byGroup.Values.Concat(byInstitution.Values).Any(c => c.Suppressed)
            || indicators.Any(i => i.Cell?.Suppressed == true);
        return year with
        {
            PeopleTrained = Shown(people),
            TrainersCertified = Shown(trainers),
            ByTargetGroup = byGroup.ToDictionary(g => g.Key, g => Shown(g.Value)),
            ByInstitution = byInstitution.ToDictionary(i => i.Key, i => Shown(i.Value)),
            Indicators = [.. indicators.Select(i => i.Cell is { Suppressed: true } ? i.Line with { Actual = null, Met = null } : i.Line)],
            Suppressed = suppressed,
        };
    }

    /// <summary>People trained at an institution, in all and per activity: each count below 5 withheld (a person may be in several activities, so they do not add up).</summary>
    public static InstitutionYear Protect(InstitutionYear year)
    {
        var total = new CountCell(year.PeopleTrained ?? 0);
        var byActivity = year.ByActivity.ToDictionary(a => a.Key, a => new CountCell(a.Value ?? 0));
        SmallCounts.Protect([total, .. byActivity.Values], []);
        return year with
        {
            PeopleTrained = total.Suppressed ? null : total.Value,
            ByActivity = byActivity.ToDictionary(a => a.Key, a => a.Value.Suppressed ? null : (int?)a.Value.Value),
        };
    }
}
